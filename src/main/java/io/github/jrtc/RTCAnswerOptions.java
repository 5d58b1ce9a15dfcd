package io.github.jrtc;

/** The {@code RTCAnswerOptions} dictionary. */
public record RTCAnswerOptions(boolean voiceActivityDetection) {
  public RTCAnswerOptions() {
    this(true);
  }
}

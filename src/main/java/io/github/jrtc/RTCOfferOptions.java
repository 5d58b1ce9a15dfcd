package io.github.jrtc;

/** The {@code RTCOfferOptions} dictionary. */
public record RTCOfferOptions(boolean iceRestart, boolean voiceActivityDetection) {
  /** The defaults: no ICE restart, voice activity detection on. */
  public RTCOfferOptions() {
    this(false, true);
  }
}

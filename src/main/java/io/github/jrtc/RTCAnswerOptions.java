package io.github.jrtc;

/**
 * The {@code RTCAnswerOptions} dictionary.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/createAnswer">MDN</a>.
 */
public record RTCAnswerOptions(boolean voiceActivityDetection) {
  /** The default options. */
  public RTCAnswerOptions() {
    this(true);
  }
}

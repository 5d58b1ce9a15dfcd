package io.github.jrtc;

/**
 * The {@code RTCOfferOptions} dictionary.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/createOffer">MDN</a>.
 */
public record RTCOfferOptions(boolean iceRestart, boolean voiceActivityDetection) {
  /** The defaults: no ICE restart, voice activity detection on. */
  public RTCOfferOptions() {
    this(false, true);
  }
}

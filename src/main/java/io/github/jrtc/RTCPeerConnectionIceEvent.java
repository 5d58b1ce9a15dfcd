package io.github.jrtc;

/**
 * The "icecandidate" event. {@link #candidate()} is null once gathering is complete.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnectionIceEvent">MDN</a>.
 */
public final class RTCPeerConnectionIceEvent extends Event {
  private final RTCIceCandidate candidate;
  private final String url;

  public RTCPeerConnectionIceEvent(String type, RTCIceCandidate candidate, String url) {
    super(type);
    this.candidate = candidate;
    this.url = url;
  }

  public RTCIceCandidate candidate() {
    return candidate;
  }

  /** The STUN/TURN server URL the candidate came from; null for host candidates. */
  public String url() {
    return url;
  }
}

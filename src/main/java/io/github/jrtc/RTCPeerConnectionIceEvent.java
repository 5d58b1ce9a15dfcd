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

  /**
   * An ICE candidate event.
   *
   * @param type the JS event type, normally "icecandidate"
   * @param candidate the candidate, or null at the end of gathering
   * @param url the server the candidate came from, or null
   */
  public RTCPeerConnectionIceEvent(String type, RTCIceCandidate candidate, String url) {
    super(type);
    this.candidate = candidate;
    this.url = url;
  }

  /**
   * The new local candidate; null once gathering has finished.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnectionIceEvent/candidate">MDN</a>.
   *
   * @return the candidate, or null
   */
  public RTCIceCandidate candidate() {
    return candidate;
  }

  /**
   * The STUN/TURN server URL the candidate came from; null for host candidates.
   *
   * @return the URL, or null
   */
  public String url() {
    return url;
  }
}

package io.github.jrtc;

/**
 * The "icecandidateerror" event: a STUN or TURN server could not be reached or refused.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnectionIceErrorEvent">MDN</a>.
 */
public final class RTCPeerConnectionIceErrorEvent extends Event {
  private final String address;
  private final Integer port;
  private final String url;
  private final int errorCode;
  private final String errorText;

  public RTCPeerConnectionIceErrorEvent(
      String type, String address, Integer port, String url, int errorCode, String errorText) {
    super(type);
    this.address = address;
    this.port = port;
    this.url = url;
    this.errorCode = errorCode;
    this.errorText = errorText;
  }

  public String address() {
    return address;
  }

  public Integer port() {
    return port;
  }

  public String url() {
    return url;
  }

  public int errorCode() {
    return errorCode;
  }

  public String errorText() {
    return errorText;
  }
}

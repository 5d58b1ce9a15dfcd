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

  /**
   * An ICE candidate error event.
   *
   * @param type "icecandidateerror"
   * @param address the local address, or null
   * @param port the local port, or null
   * @param url the STUN or TURN server
   * @param errorCode the STUN error code
   * @param errorText the STUN reason phrase
   */
  public RTCPeerConnectionIceErrorEvent(
      String type, String address, Integer port, String url, int errorCode, String errorText) {
    super(type);
    this.address = address;
    this.port = port;
    this.url = url;
    this.errorCode = errorCode;
    this.errorText = errorText;
  }

  /**
   * The local address the failing request was sent from; null when unknown.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnectionIceErrorEvent/address">MDN</a>.
   *
   * @return the address, or null
   */
  public String address() {
    return address;
  }

  /**
   * The local port the failing request was sent from.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnectionIceErrorEvent/port">MDN</a>.
   *
   * @return the port, or null
   */
  public Integer port() {
    return port;
  }

  /**
   * The STUN or TURN server that failed.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnectionIceErrorEvent/url">MDN</a>.
   *
   * @return the server URL
   */
  public String url() {
    return url;
  }

  /**
   * The STUN error code (e.g. 701 when the server could not be reached).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnectionIceErrorEvent/errorCode">MDN</a>.
   *
   * @return the code
   */
  public int errorCode() {
    return errorCode;
  }

  /**
   * The STUN reason phrase.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnectionIceErrorEvent/errorText">MDN</a>.
   *
   * @return the text
   */
  public String errorText() {
    return errorText;
  }
}

package io.github.jrtc;

/**
 * WebRTC's own error: a DOMException named "OperationError" with details, e.g. {@code errorDetail()
 * == SDP_SYNTAX_ERROR} and the offending {@code sdpLineNumber()}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError">MDN</a>.
 */
public class RTCError extends DOMException {
  private static final long serialVersionUID = 1L;

  private final transient RTCErrorInit init;

  /**
   * An OperationError with the given details.
   *
   * @param init the error detail and the numbers that go with it
   * @param message what went wrong
   */
  public RTCError(RTCErrorInit init, String message) {
    super(message, "OperationError");
    this.init = init;
  }

  /**
   * What kind of failure this is, e.g. sdp-syntax-error.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError/errorDetail">MDN</a>.
   *
   * @return the detail
   */
  public RTCErrorDetailType errorDetail() {
    return init.errorDetail();
  }

  /**
   * For an SDP syntax error, the line that failed; else null.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError/sdpLineNumber">MDN</a>.
   *
   * @return the line number, or null
   */
  public Integer sdpLineNumber() {
    return init.sdpLineNumber();
  }

  /**
   * For an SCTP failure, the SCTP cause code; else null.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError/sctpCauseCode">MDN</a>.
   *
   * @return the cause code, or null
   */
  public Integer sctpCauseCode() {
    return init.sctpCauseCode();
  }

  /**
   * For a DTLS failure, the alert received; else null.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError/receivedAlert">MDN</a>.
   *
   * @return the alert, or null
   */
  public Integer receivedAlert() {
    return init.receivedAlert();
  }

  /**
   * For a DTLS failure, the alert sent; else null.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError/sentAlert">MDN</a>.
   *
   * @return the alert, or null
   */
  public Integer sentAlert() {
    return init.sentAlert();
  }

  /**
   * For a failed HTTP request (identity providers), its status; else null.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError/httpRequestStatusCode">MDN</a>.
   *
   * @return the status, or null
   */
  public Integer httpRequestStatusCode() {
    return init.httpRequestStatusCode();
  }
}

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

  public RTCError(RTCErrorInit init, String message) {
    super(message, "OperationError");
    this.init = init;
  }

  public RTCErrorDetailType errorDetail() {
    return init.errorDetail();
  }

  public Integer sdpLineNumber() {
    return init.sdpLineNumber();
  }

  public Integer sctpCauseCode() {
    return init.sctpCauseCode();
  }

  public Integer receivedAlert() {
    return init.receivedAlert();
  }

  public Integer sentAlert() {
    return init.sentAlert();
  }

  public Integer httpRequestStatusCode() {
    return init.httpRequestStatusCode();
  }
}

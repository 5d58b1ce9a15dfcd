package io.github.jrtc;

/**
 * The {@code RTCErrorInit} dictionary: what an {@link RTCError} carries beyond its message.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError/RTCError">MDN</a>.
 */
public record RTCErrorInit(
    RTCErrorDetailType errorDetail,
    Integer sdpLineNumber,
    Integer sctpCauseCode,
    Integer receivedAlert,
    Integer sentAlert,
    Integer httpRequestStatusCode) {

  /**
   * Details with only the error detail set.
   *
   * @param errorDetail the kind of failure
   */
  public RTCErrorInit(RTCErrorDetailType errorDetail) {
    this(errorDetail, null, null, null, null, null);
  }
}

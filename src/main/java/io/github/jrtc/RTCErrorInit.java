package io.github.jrtc;

/** The {@code RTCErrorInit} dictionary: what an {@link RTCError} carries beyond its message. */
public record RTCErrorInit(
    RTCErrorDetailType errorDetail,
    Integer sdpLineNumber,
    Integer sctpCauseCode,
    Integer receivedAlert,
    Integer sentAlert,
    Integer httpRequestStatusCode) {

  public RTCErrorInit(RTCErrorDetailType errorDetail) {
    this(errorDetail, null, null, null, null, null);
  }
}

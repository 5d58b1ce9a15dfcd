package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** What kind of failure an RTCError reports. {@link #toString()} is the spec's string. */
public enum RTCErrorDetailType {
  DATA_CHANNEL_FAILURE("data-channel-failure"),
  DTLS_FAILURE("dtls-failure"),
  FINGERPRINT_FAILURE("fingerprint-failure"),
  SCTP_FAILURE("sctp-failure"),
  SDP_SYNTAX_ERROR("sdp-syntax-error"),
  HARDWARE_ENCODER_NOT_AVAILABLE("hardware-encoder-not-available"),
  HARDWARE_ENCODER_ERROR("hardware-encoder-error");

  private final String value;

  RTCErrorDetailType(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCErrorDetailType fromString(String value) {
    return SpecEnums.parse(RTCErrorDetailType.class, value);
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * What kind of failure an RTCError reports. {@link #toString()} is the spec's string.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCError/errorDetail">MDN</a>.
 */
public enum RTCErrorDetailType {
  /** The spec's {@code "data-channel-failure"}. */
  DATA_CHANNEL_FAILURE("data-channel-failure"),
  /** The spec's {@code "dtls-failure"}. */
  DTLS_FAILURE("dtls-failure"),
  /** The spec's {@code "fingerprint-failure"}. */
  FINGERPRINT_FAILURE("fingerprint-failure"),
  /** The spec's {@code "sctp-failure"}. */
  SCTP_FAILURE("sctp-failure"),
  /** The spec's {@code "sdp-syntax-error"}. */
  SDP_SYNTAX_ERROR("sdp-syntax-error"),
  /** The spec's {@code "hardware-encoder-not-available"}. */
  HARDWARE_ENCODER_NOT_AVAILABLE("hardware-encoder-not-available"),
  /** The spec's {@code "hardware-encoder-error"}. */
  HARDWARE_ENCODER_ERROR("hardware-encoder-error");

  private final String value;

  RTCErrorDetailType(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * Parses the spec's string; TypeError for anything else, as JS does for a bad enum value.
   *
   * @param value the spec's string
   * @return the constant
   */
  public static RTCErrorDetailType fromString(String value) {
    return SpecEnums.parse(RTCErrorDetailType.class, value);
  }
}

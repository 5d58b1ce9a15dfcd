package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The direction of a transceiver. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver/direction">MDN</a>.
 */
public enum RTCRtpTransceiverDirection {
  /** The spec's {@code "sendrecv"}. */
  SENDRECV("sendrecv"),
  /** The spec's {@code "sendonly"}. */
  SENDONLY("sendonly"),
  /** The spec's {@code "recvonly"}. */
  RECVONLY("recvonly"),
  /** The spec's {@code "inactive"}. */
  INACTIVE("inactive"),
  /** The spec's {@code "stopped"}. */
  STOPPED("stopped");

  private final String value;

  RTCRtpTransceiverDirection(String value) {
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
  public static RTCRtpTransceiverDirection fromString(String value) {
    return SpecEnums.parse(RTCRtpTransceiverDirection.class, value);
  }
}

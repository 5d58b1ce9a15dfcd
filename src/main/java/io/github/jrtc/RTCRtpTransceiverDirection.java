package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The direction of a transceiver. {@link #toString()} is the spec's string. */
public enum RTCRtpTransceiverDirection {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  INACTIVE("inactive"),
  STOPPED("stopped");

  private final String value;

  RTCRtpTransceiverDirection(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCRtpTransceiverDirection fromString(String value) {
    return SpecEnums.parse(RTCRtpTransceiverDirection.class, value);
  }
}

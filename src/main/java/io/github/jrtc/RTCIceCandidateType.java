package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The type of an ICE candidate. {@link #toString()} is the spec's string. */
public enum RTCIceCandidateType {
  HOST("host"),
  SRFLX("srflx"),
  PRFLX("prflx"),
  RELAY("relay");

  private final String value;

  RTCIceCandidateType(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceCandidateType fromString(String value) {
    return SpecEnums.parse(RTCIceCandidateType.class, value);
  }
}

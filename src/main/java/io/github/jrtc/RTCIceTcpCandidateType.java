package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The TCP type of a TCP ICE candidate. {@link #toString()} is the spec's string. */
public enum RTCIceTcpCandidateType {
  ACTIVE("active"),
  PASSIVE("passive"),
  SO("so");

  private final String value;

  RTCIceTcpCandidateType(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceTcpCandidateType fromString(String value) {
    return SpecEnums.parse(RTCIceTcpCandidateType.class, value);
  }
}

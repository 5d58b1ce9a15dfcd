package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The ICE role of an {@link RTCIceTransport}. {@link #toString()} is the spec's string. */
public enum RTCIceRole {
  UNKNOWN("unknown"),
  CONTROLLING("controlling"),
  CONTROLLED("controlled");

  private final String value;

  RTCIceRole(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceRole fromString(String value) {
    return SpecEnums.parse(RTCIceRole.class, value);
  }
}

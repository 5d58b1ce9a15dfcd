package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** Priority of a data channel or encoding. {@link #toString()} is the spec's string. */
public enum RTCPriorityType {
  VERY_LOW("very-low"),
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  private final String value;

  RTCPriorityType(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCPriorityType fromString(String value) {
    return SpecEnums.parse(RTCPriorityType.class, value);
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The type of a session description. {@link #toString()} is the spec's string. */
public enum RTCSdpType {
  OFFER("offer"),
  PRANSWER("pranswer"),
  ANSWER("answer"),
  ROLLBACK("rollback");

  private final String value;

  RTCSdpType(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCSdpType fromString(String value) {
    return SpecEnums.parse(RTCSdpType.class, value);
  }
}

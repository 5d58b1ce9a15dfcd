package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The state of an {@link RTCSctpTransport}. {@link #toString()} is the spec's string. */
public enum RTCSctpTransportState {
  CONNECTING("connecting"),
  CONNECTED("connected"),
  CLOSED("closed");

  private final String value;

  RTCSctpTransportState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCSctpTransportState fromString(String value) {
    return SpecEnums.parse(RTCSctpTransportState.class, value);
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The state of the connection's ICE transports. {@link #toString()} is the spec's string. */
public enum RTCIceConnectionState {
  NEW("new"),
  CHECKING("checking"),
  CONNECTED("connected"),
  COMPLETED("completed"),
  DISCONNECTED("disconnected"),
  FAILED("failed"),
  CLOSED("closed");

  private final String value;

  RTCIceConnectionState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceConnectionState fromString(String value) {
    return SpecEnums.parse(RTCIceConnectionState.class, value);
  }
}

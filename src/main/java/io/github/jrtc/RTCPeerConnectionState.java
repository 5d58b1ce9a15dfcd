package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The aggregate state of the connection's transports. {@link #toString()} is the spec's string. */
public enum RTCPeerConnectionState {
  NEW("new"),
  CONNECTING("connecting"),
  CONNECTED("connected"),
  DISCONNECTED("disconnected"),
  FAILED("failed"),
  CLOSED("closed");

  private final String value;

  RTCPeerConnectionState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCPeerConnectionState fromString(String value) {
    return SpecEnums.parse(RTCPeerConnectionState.class, value);
  }
}

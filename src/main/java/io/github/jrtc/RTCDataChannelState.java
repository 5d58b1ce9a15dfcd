package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The state of a data channel. {@link #toString()} is the spec's string. */
public enum RTCDataChannelState {
  CONNECTING("connecting"),
  OPEN("open"),
  CLOSING("closing"),
  CLOSED("closed");

  private final String value;

  RTCDataChannelState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCDataChannelState fromString(String value) {
    return SpecEnums.parse(RTCDataChannelState.class, value);
  }
}

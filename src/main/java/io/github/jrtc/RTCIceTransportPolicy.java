package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** Which candidates ICE may use. {@link #toString()} is the spec's string. */
public enum RTCIceTransportPolicy {
  RELAY("relay"),
  ALL("all");

  private final String value;

  RTCIceTransportPolicy(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceTransportPolicy fromString(String value) {
    return SpecEnums.parse(RTCIceTransportPolicy.class, value);
  }
}

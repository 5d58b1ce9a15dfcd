package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The transport protocol of an ICE candidate. {@link #toString()} is the spec's string. */
public enum RTCIceProtocol {
  UDP("udp"),
  TCP("tcp");

  private final String value;

  RTCIceProtocol(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceProtocol fromString(String value) {
    return SpecEnums.parse(RTCIceProtocol.class, value);
  }
}

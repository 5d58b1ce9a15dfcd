package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The ICE component of a candidate. {@link #toString()} is the spec's string. */
public enum RTCIceComponent {
  RTP("rtp"),
  RTCP("rtcp");

  private final String value;

  RTCIceComponent(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceComponent fromString(String value) {
    return SpecEnums.parse(RTCIceComponent.class, value);
  }
}

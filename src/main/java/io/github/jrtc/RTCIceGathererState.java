package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The gathering state of an {@link RTCIceTransport}. {@link #toString()} is the spec's string. */
public enum RTCIceGathererState {
  NEW("new"),
  GATHERING("gathering"),
  COMPLETE("complete");

  private final String value;

  RTCIceGathererState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceGathererState fromString(String value) {
    return SpecEnums.parse(RTCIceGathererState.class, value);
  }
}

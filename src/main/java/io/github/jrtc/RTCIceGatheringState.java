package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** How far ICE candidate gathering has come. {@link #toString()} is the spec's string. */
public enum RTCIceGatheringState {
  NEW("new"),
  GATHERING("gathering"),
  COMPLETE("complete");

  private final String value;

  RTCIceGatheringState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCIceGatheringState fromString(String value) {
    return SpecEnums.parse(RTCIceGatheringState.class, value);
  }
}

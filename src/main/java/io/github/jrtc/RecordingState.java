package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The state of a MediaRecorder. {@link #toString()} is the spec's string. */
public enum RecordingState {
  INACTIVE("inactive"),
  RECORDING("recording"),
  PAUSED("paused");

  private final String value;

  RecordingState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RecordingState fromString(String value) {
    return SpecEnums.parse(RecordingState.class, value);
  }
}

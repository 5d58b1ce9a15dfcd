package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** How a MediaRecorder encodes audio. {@link #toString()} is the spec's string. */
public enum BitrateMode {
  CONSTANT("constant"),
  VARIABLE("variable");

  private final String value;

  BitrateMode(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static BitrateMode fromString(String value) {
    return SpecEnums.parse(BitrateMode.class, value);
  }
}

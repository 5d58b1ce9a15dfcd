package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * How a MediaRecorder encodes audio. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaRecorder/MediaRecorder#audiobitratemode">MDN</a>.
 */
public enum BitrateMode {
  /** {@code "constant"}: encode audio at a constant bitrate. */
  CONSTANT("constant"),
  /** {@code "variable"}: encode audio at a variable bitrate (the default). */
  VARIABLE("variable");

  private final String value;

  BitrateMode(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * Parses the spec's string; TypeError for anything else, as JS does for a bad enum value.
   *
   * @param value {@code "constant"} or {@code "variable"}
   * @return the matching constant
   */
  public static BitrateMode fromString(String value) {
    return SpecEnums.parse(BitrateMode.class, value);
  }
}

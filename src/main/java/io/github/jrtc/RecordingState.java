package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The state of a MediaRecorder. {@link #toString()} is the spec's string.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaRecorder/state">MDN</a>.
 */
public enum RecordingState {
  /** The spec's {@code "inactive"}. */
  INACTIVE("inactive"),
  /** The spec's {@code "recording"}. */
  RECORDING("recording"),
  /** The spec's {@code "paused"}. */
  PAUSED("paused");

  private final String value;

  RecordingState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * Parses the spec's string; TypeError for anything else, as JS does for a bad enum value.
   *
   * @param value the spec's string
   * @return the constant
   */
  public static RecordingState fromString(String value) {
    return SpecEnums.parse(RecordingState.class, value);
  }
}

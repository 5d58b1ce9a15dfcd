package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The gathering state of an {@link RTCIceTransport}. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceTransport/gatheringState">MDN</a>.
 */
public enum RTCIceGathererState {
  /** The spec's {@code "new"}. */
  NEW("new"),
  /** The spec's {@code "gathering"}. */
  GATHERING("gathering"),
  /** The spec's {@code "complete"}. */
  COMPLETE("complete");

  private final String value;

  RTCIceGathererState(String value) {
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
  public static RTCIceGathererState fromString(String value) {
    return SpecEnums.parse(RTCIceGathererState.class, value);
  }
}

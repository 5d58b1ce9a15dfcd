package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * Priority of a data channel or encoding. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/setParameters">MDN</a>.
 */
public enum RTCPriorityType {
  /** The spec's {@code "very-low"}. */
  VERY_LOW("very-low"),
  /** The spec's {@code "low"}. */
  LOW("low"),
  /** The spec's {@code "medium"}. */
  MEDIUM("medium"),
  /** The spec's {@code "high"}. */
  HIGH("high");

  private final String value;

  RTCPriorityType(String value) {
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
  public static RTCPriorityType fromString(String value) {
    return SpecEnums.parse(RTCPriorityType.class, value);
  }
}

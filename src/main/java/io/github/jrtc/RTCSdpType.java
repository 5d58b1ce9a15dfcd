package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The type of a session description. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSessionDescription/type">MDN</a>.
 */
public enum RTCSdpType {
  /** The spec's {@code "offer"}. */
  OFFER("offer"),
  /** The spec's {@code "pranswer"}. */
  PRANSWER("pranswer"),
  /** The spec's {@code "answer"}. */
  ANSWER("answer"),
  /** The spec's {@code "rollback"}. */
  ROLLBACK("rollback");

  private final String value;

  RTCSdpType(String value) {
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
  public static RTCSdpType fromString(String value) {
    return SpecEnums.parse(RTCSdpType.class, value);
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The ICE role of an {@link RTCIceTransport}. {@link #toString()} is the spec's string.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceTransport/role">MDN</a>.
 */
public enum RTCIceRole {
  /** The spec's {@code "unknown"}. */
  UNKNOWN("unknown"),
  /** The spec's {@code "controlling"}. */
  CONTROLLING("controlling"),
  /** The spec's {@code "controlled"}. */
  CONTROLLED("controlled");

  private final String value;

  RTCIceRole(String value) {
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
  public static RTCIceRole fromString(String value) {
    return SpecEnums.parse(RTCIceRole.class, value);
  }
}

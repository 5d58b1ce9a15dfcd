package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The type of an ICE candidate. {@link #toString()} is the spec's string.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/type">MDN</a>.
 */
public enum RTCIceCandidateType {
  /** The spec's {@code "host"}. */
  HOST("host"),
  /** The spec's {@code "srflx"}. */
  SRFLX("srflx"),
  /** The spec's {@code "prflx"}. */
  PRFLX("prflx"),
  /** The spec's {@code "relay"}. */
  RELAY("relay");

  private final String value;

  RTCIceCandidateType(String value) {
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
  public static RTCIceCandidateType fromString(String value) {
    return SpecEnums.parse(RTCIceCandidateType.class, value);
  }
}

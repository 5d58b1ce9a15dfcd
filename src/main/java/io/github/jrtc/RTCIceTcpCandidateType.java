package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The TCP type of a TCP ICE candidate. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/tcpType">MDN</a>.
 */
public enum RTCIceTcpCandidateType {
  /** The spec's {@code "active"}. */
  ACTIVE("active"),
  /** The spec's {@code "passive"}. */
  PASSIVE("passive"),
  /** The spec's {@code "so"}. */
  SO("so");

  private final String value;

  RTCIceTcpCandidateType(String value) {
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
  public static RTCIceTcpCandidateType fromString(String value) {
    return SpecEnums.parse(RTCIceTcpCandidateType.class, value);
  }
}

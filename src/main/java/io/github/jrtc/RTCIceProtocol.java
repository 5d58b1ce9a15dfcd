package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The transport protocol of an ICE candidate. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/protocol">MDN</a>.
 */
public enum RTCIceProtocol {
  /** The spec's {@code "udp"}. */
  UDP("udp"),
  /** The spec's {@code "tcp"}. */
  TCP("tcp");

  private final String value;

  RTCIceProtocol(String value) {
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
  public static RTCIceProtocol fromString(String value) {
    return SpecEnums.parse(RTCIceProtocol.class, value);
  }
}

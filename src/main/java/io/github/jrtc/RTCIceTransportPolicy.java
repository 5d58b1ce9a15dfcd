package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * Which candidates ICE may use. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/RTCPeerConnection">MDN</a>.
 */
public enum RTCIceTransportPolicy {
  /** The spec's {@code "relay"}. */
  RELAY("relay"),
  /** The spec's {@code "all"}. */
  ALL("all");

  private final String value;

  RTCIceTransportPolicy(String value) {
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
  public static RTCIceTransportPolicy fromString(String value) {
    return SpecEnums.parse(RTCIceTransportPolicy.class, value);
  }
}

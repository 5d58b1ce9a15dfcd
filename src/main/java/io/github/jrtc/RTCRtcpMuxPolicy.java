package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * RTCP multiplexing; only "require" is left in the spec. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/RTCPeerConnection">MDN</a>.
 */
public enum RTCRtcpMuxPolicy {
  /** The spec's {@code "require"}. */
  REQUIRE("require");

  private final String value;

  RTCRtcpMuxPolicy(String value) {
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
  public static RTCRtcpMuxPolicy fromString(String value) {
    return SpecEnums.parse(RTCRtcpMuxPolicy.class, value);
  }
}

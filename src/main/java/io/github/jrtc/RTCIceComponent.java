package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The ICE component of a candidate. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/component">MDN</a>.
 */
public enum RTCIceComponent {
  /** The spec's {@code "rtp"}. */
  RTP("rtp"),
  /** The spec's {@code "rtcp"}. */
  RTCP("rtcp");

  private final String value;

  RTCIceComponent(String value) {
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
  public static RTCIceComponent fromString(String value) {
    return SpecEnums.parse(RTCIceComponent.class, value);
  }
}

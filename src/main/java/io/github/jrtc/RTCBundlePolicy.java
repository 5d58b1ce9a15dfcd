package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * How media is bundled onto transports. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/RTCPeerConnection">MDN</a>.
 */
public enum RTCBundlePolicy {
  /** The spec's {@code "balanced"}. */
  BALANCED("balanced"),
  /** The spec's {@code "max-compat"}. */
  MAX_COMPAT("max-compat"),
  /** The spec's {@code "max-bundle"}. */
  MAX_BUNDLE("max-bundle");

  private final String value;

  RTCBundlePolicy(String value) {
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
  public static RTCBundlePolicy fromString(String value) {
    return SpecEnums.parse(RTCBundlePolicy.class, value);
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** How media is bundled onto transports. {@link #toString()} is the spec's string. */
public enum RTCBundlePolicy {
  BALANCED("balanced"),
  MAX_COMPAT("max-compat"),
  MAX_BUNDLE("max-bundle");

  private final String value;

  RTCBundlePolicy(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCBundlePolicy fromString(String value) {
    return SpecEnums.parse(RTCBundlePolicy.class, value);
  }
}

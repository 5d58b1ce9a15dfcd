package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** How binary data channel messages are delivered. {@link #toString()} is the spec's string. */
public enum BinaryType {
  BLOB("blob"),
  ARRAYBUFFER("arraybuffer");

  private final String value;

  BinaryType(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static BinaryType fromString(String value) {
    return SpecEnums.parse(BinaryType.class, value);
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * How binary data channel messages are delivered. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/binaryType">MDN</a>.
 */
public enum BinaryType {
  /** The spec's {@code "blob"}. */
  BLOB("blob"),
  /** The spec's {@code "arraybuffer"}. */
  ARRAYBUFFER("arraybuffer");

  private final String value;

  BinaryType(String value) {
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
  public static BinaryType fromString(String value) {
    return SpecEnums.parse(BinaryType.class, value);
  }
}

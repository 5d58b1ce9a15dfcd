package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The state of an {@link RTCSctpTransport}. {@link #toString()} is the spec's string.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSctpTransport/state">MDN</a>.
 */
public enum RTCSctpTransportState {
  /** The spec's {@code "connecting"}. */
  CONNECTING("connecting"),
  /** The spec's {@code "connected"}. */
  CONNECTED("connected"),
  /** The spec's {@code "closed"}. */
  CLOSED("closed");

  private final String value;

  RTCSctpTransportState(String value) {
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
  public static RTCSctpTransportState fromString(String value) {
    return SpecEnums.parse(RTCSctpTransportState.class, value);
  }
}

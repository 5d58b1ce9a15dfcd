package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The state of a data channel. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/readyState">MDN</a>.
 */
public enum RTCDataChannelState {
  /** The spec's {@code "connecting"}. */
  CONNECTING("connecting"),
  /** The spec's {@code "open"}. */
  OPEN("open"),
  /** The spec's {@code "closing"}. */
  CLOSING("closing"),
  /** The spec's {@code "closed"}. */
  CLOSED("closed");

  private final String value;

  RTCDataChannelState(String value) {
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
  public static RTCDataChannelState fromString(String value) {
    return SpecEnums.parse(RTCDataChannelState.class, value);
  }
}

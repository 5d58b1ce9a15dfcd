package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The state of the connection's ICE transports. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/iceConnectionState">MDN</a>.
 */
public enum RTCIceConnectionState {
  /** The spec's {@code "new"}. */
  NEW("new"),
  /** The spec's {@code "checking"}. */
  CHECKING("checking"),
  /** The spec's {@code "connected"}. */
  CONNECTED("connected"),
  /** The spec's {@code "completed"}. */
  COMPLETED("completed"),
  /** The spec's {@code "disconnected"}. */
  DISCONNECTED("disconnected"),
  /** The spec's {@code "failed"}. */
  FAILED("failed"),
  /** The spec's {@code "closed"}. */
  CLOSED("closed");

  private final String value;

  RTCIceConnectionState(String value) {
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
  public static RTCIceConnectionState fromString(String value) {
    return SpecEnums.parse(RTCIceConnectionState.class, value);
  }
}

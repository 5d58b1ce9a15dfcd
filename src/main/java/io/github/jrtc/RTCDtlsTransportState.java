package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The state of an {@link RTCDtlsTransport}. {@link #toString()} is the spec's string.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDtlsTransport/state">MDN</a>.
 */
public enum RTCDtlsTransportState {
  /** The spec's {@code "new"}. */
  NEW("new"),
  /** The spec's {@code "connecting"}. */
  CONNECTING("connecting"),
  /** The spec's {@code "connected"}. */
  CONNECTED("connected"),
  /** The spec's {@code "closed"}. */
  CLOSED("closed"),
  /** The spec's {@code "failed"}. */
  FAILED("failed");

  private final String value;

  RTCDtlsTransportState(String value) {
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
  public static RTCDtlsTransportState fromString(String value) {
    return SpecEnums.parse(RTCDtlsTransportState.class, value);
  }
}

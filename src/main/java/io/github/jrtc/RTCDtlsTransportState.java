package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The state of an {@link RTCDtlsTransport}. {@link #toString()} is the spec's string. */
public enum RTCDtlsTransportState {
  NEW("new"),
  CONNECTING("connecting"),
  CONNECTED("connected"),
  CLOSED("closed"),
  FAILED("failed");

  private final String value;

  RTCDtlsTransportState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCDtlsTransportState fromString(String value) {
    return SpecEnums.parse(RTCDtlsTransportState.class, value);
  }
}

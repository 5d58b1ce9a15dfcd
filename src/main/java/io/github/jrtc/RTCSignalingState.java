package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The offer/answer state of a connection. {@link #toString()} is the spec's string. */
public enum RTCSignalingState {
  STABLE("stable"),
  HAVE_LOCAL_OFFER("have-local-offer"),
  HAVE_REMOTE_OFFER("have-remote-offer"),
  HAVE_LOCAL_PRANSWER("have-local-pranswer"),
  HAVE_REMOTE_PRANSWER("have-remote-pranswer"),
  CLOSED("closed");

  private final String value;

  RTCSignalingState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static RTCSignalingState fromString(String value) {
    return SpecEnums.parse(RTCSignalingState.class, value);
  }
}

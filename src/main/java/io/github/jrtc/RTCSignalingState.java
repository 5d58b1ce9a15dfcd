package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The offer/answer state of a connection. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/signalingState">MDN</a>.
 */
public enum RTCSignalingState {
  /** The spec's {@code "stable"}. */
  STABLE("stable"),
  /** The spec's {@code "have-local-offer"}. */
  HAVE_LOCAL_OFFER("have-local-offer"),
  /** The spec's {@code "have-remote-offer"}. */
  HAVE_REMOTE_OFFER("have-remote-offer"),
  /** The spec's {@code "have-local-pranswer"}. */
  HAVE_LOCAL_PRANSWER("have-local-pranswer"),
  /** The spec's {@code "have-remote-pranswer"}. */
  HAVE_REMOTE_PRANSWER("have-remote-pranswer"),
  /** The spec's {@code "closed"}. */
  CLOSED("closed");

  private final String value;

  RTCSignalingState(String value) {
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
  public static RTCSignalingState fromString(String value) {
    return SpecEnums.parse(RTCSignalingState.class, value);
  }
}

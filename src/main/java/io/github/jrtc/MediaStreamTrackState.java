package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * Whether a track is live. {@link #toString()} is the spec's string.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/readyState">MDN</a>.
 */
public enum MediaStreamTrackState {
  /** The spec's {@code "live"}. */
  LIVE("live"),
  /** The spec's {@code "ended"}. */
  ENDED("ended");

  private final String value;

  MediaStreamTrackState(String value) {
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
  public static MediaStreamTrackState fromString(String value) {
    return SpecEnums.parse(MediaStreamTrackState.class, value);
  }
}

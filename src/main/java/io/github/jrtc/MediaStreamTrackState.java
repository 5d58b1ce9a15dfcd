package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** Whether a track is live. {@link #toString()} is the spec's string. */
public enum MediaStreamTrackState {
  LIVE("live"),
  ENDED("ended");

  private final String value;

  MediaStreamTrackState(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static MediaStreamTrackState fromString(String value) {
    return SpecEnums.parse(MediaStreamTrackState.class, value);
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/** The kind of a media device. {@link #toString()} is the spec's string. */
public enum MediaDeviceKind {
  AUDIOINPUT("audioinput"),
  AUDIOOUTPUT("audiooutput"),
  VIDEOINPUT("videoinput");

  private final String value;

  MediaDeviceKind(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses the spec's string; TypeError for anything else, as JS does for a bad enum value. */
  public static MediaDeviceKind fromString(String value) {
    return SpecEnums.parse(MediaDeviceKind.class, value);
  }
}

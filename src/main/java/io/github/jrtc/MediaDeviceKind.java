package io.github.jrtc;

import io.github.jrtc.internal.spec.SpecEnums;

/**
 * The kind of a media device. {@link #toString()} is the spec's string.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDeviceInfo/kind">MDN</a>.
 */
public enum MediaDeviceKind {
  /** The spec's {@code "audioinput"}. */
  AUDIOINPUT("audioinput"),
  /** The spec's {@code "audiooutput"}. */
  AUDIOOUTPUT("audiooutput"),
  /** The spec's {@code "videoinput"}. */
  VIDEOINPUT("videoinput");

  private final String value;

  MediaDeviceKind(String value) {
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
  public static MediaDeviceKind fromString(String value) {
    return SpecEnums.parse(MediaDeviceKind.class, value);
  }
}

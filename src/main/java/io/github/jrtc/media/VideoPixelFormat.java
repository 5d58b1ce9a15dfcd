package io.github.jrtc.media;

import io.github.jrtc.TypeError;

/**
 * WebCodecs' {@code VideoPixelFormat} values that {@link VideoFrame#copyTo} produces: {@code
 * "I420"} (three planes, tightly packed), {@code "RGBA"} (bytes R, G, B, A per pixel) and {@code
 * "BGRA"} (bytes B, G, R, A: what JavaFX's {@code PixelFormat.getByteBgraPreInstance()} and most
 * little-endian {@code int} ARGB renderers read).
 */
public enum VideoPixelFormat {
  I420("I420"),
  RGBA("RGBA"),
  BGRA("BGRA");

  private final String value;

  VideoPixelFormat(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /** Parses WebCodecs' string; a TypeError for any other (as a bad IDL enum value is). */
  public static VideoPixelFormat fromString(String value) {
    for (VideoPixelFormat f : values()) {
      if (f.value.equals(value)) {
        return f;
      }
    }
    throw new TypeError("Not a supported VideoPixelFormat: " + value);
  }
}

package io.github.jrtc.media;

import io.github.jrtc.TypeError;

/**
 * WebCodecs' {@code VideoPixelFormat} values that {@link VideoFrame#copyTo} produces: {@code
 * "I420"} (three planes, tightly packed), {@code "RGBA"} (bytes R, G, B, A per pixel) and {@code
 * "BGRA"} (bytes B, G, R, A: what JavaFX's {@code PixelFormat.getByteBgraPreInstance()} and most
 * little-endian {@code int} ARGB renderers read).
 */
public enum VideoPixelFormat {
  /** Planar YUV 4:2:0: a full-size Y plane then quarter-size U and V planes, tightly packed. */
  I420("I420"),
  /** Four bytes per pixel in the order R, G, B, A (alpha always 255). */
  RGBA("RGBA"),
  /** Four bytes per pixel in the order B, G, R, A (alpha always 255). */
  BGRA("BGRA");

  private final String value;

  VideoPixelFormat(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * Parses WebCodecs' string; a TypeError for any other (as a bad IDL enum value is).
   *
   * @param value {@code "I420"}, {@code "RGBA"} or {@code "BGRA"}
   * @return the matching constant
   * @throws io.github.jrtc.TypeError for any other string
   */
  public static VideoPixelFormat fromString(String value) {
    for (VideoPixelFormat f : values()) {
      if (f.value.equals(value)) {
        return f;
      }
    }
    throw new TypeError("Not a supported VideoPixelFormat: " + value);
  }
}

package io.github.jrtc.javafx;

import io.github.jrtc.TypeError;

/**
 * CSS {@code object-fit}: how a {@link VideoView} sizes the video in its box. The video is always
 * centred (CSS's default {@code object-position: 50% 50%}).
 */
public enum ObjectFit {
  /**
   * Scaled to fit inside the box, aspect ratio kept; letterboxed (the default, as {@code <video>}).
   */
  CONTAIN("contain"),
  /** Scaled to cover the box, aspect ratio kept; what overflows is clipped. */
  COVER("cover"),
  /** Stretched to the box. */
  FILL("fill"),
  /** At its own size, clipped to the box. */
  NONE("none"),
  /** As {@link #NONE} or {@link #CONTAIN}, whichever is smaller. */
  SCALE_DOWN("scale-down");

  private final String value;

  ObjectFit(String value) {
    this.value = value;
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * Parses a CSS {@code object-fit} keyword.
   *
   * @param value {@code "contain"}, {@code "cover"}, {@code "fill"}, {@code "none"} or {@code
   *     "scale-down"}
   * @return the matching constant
   * @throws TypeError for any other string
   */
  public static ObjectFit fromString(String value) {
    for (ObjectFit f : values()) {
      if (f.value.equals(value)) {
        return f;
      }
    }
    throw new TypeError("Not an object-fit value: " + value);
  }
}

package io.github.jrtc;

/** Test media made in Java: a moving bar pattern and a sine tone. */
final class MediaPatterns {
  private MediaPatterns() {}

  /** RGBA frame: dark background with a bright vertical bar at a position moving with {@code n}. */
  static byte[] movingBar(int width, int height, int n) {
    byte[] rgba = new byte[width * height * 4];
    int barX = (n * 8) % width;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = (y * width + x) * 4;
        boolean bar = x >= barX && x < barX + 40;
        byte v = (byte) (bar ? 235 : 30);
        rgba[i] = v;
        rgba[i + 1] = v;
        rgba[i + 2] = v;
        rgba[i + 3] = (byte) 255;
      }
    }
    return rgba;
  }

  /** 16-bit mono samples of a sine wave continuing from sample index {@code start}. */
  static short[] tone(double hz, double amplitude, int sampleRate, long start, int count) {
    short[] out = new short[count];
    for (int i = 0; i < count; i++) {
      double t = (start + i) / (double) sampleRate;
      out[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * t));
    }
    return out;
  }
}

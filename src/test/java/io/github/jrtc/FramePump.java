package io.github.jrtc;

import io.github.jrtc.media.VideoFrameSource;
import java.util.function.IntUnaryOperator;

/**
 * Pushes I420 test frames into a {@link VideoFrameSource} at a fixed rate from a daemon thread: a
 * moving bar, or (with a luma function) flat frames whose brightness follows the frame number.
 */
final class FramePump implements AutoCloseable {
  private volatile boolean running = true;
  private volatile long pushed;

  private FramePump() {}

  static FramePump movingBar(VideoFrameSource source, int width, int height, double fps) {
    byte[][] frames = new byte[32][];
    for (int n = 0; n < frames.length; n++) {
      frames[n] = i420Bar(width, height, n);
    }
    return start(source, width, height, fps, n -> -1, frames);
  }

  /** Flat grey frames whose luma is {@code luma.applyAsInt(millisSinceStart)}. */
  static FramePump flat(
      VideoFrameSource source, int width, int height, double fps, IntUnaryOperator luma) {
    return start(source, width, height, fps, luma, null);
  }

  private static FramePump start(
      VideoFrameSource source,
      int width,
      int height,
      double fps,
      IntUnaryOperator luma,
      byte[][] frames) {
    FramePump p = new FramePump();
    Thread t =
        new Thread(
            () -> {
              long begin = System.nanoTime();
              long periodNanos = (long) (1_000_000_000L / fps);
              byte[] flat = new byte[width * height * 3 / 2];
              long n = 0;
              while (p.running) {
                long due = begin + n * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                  try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                  } catch (InterruptedException e) {
                    return;
                  }
                }
                byte[] frame;
                if (frames != null) {
                  frame = frames[(int) (n % frames.length)];
                } else {
                  int y = luma.applyAsInt((int) ((System.nanoTime() - begin) / 1_000_000));
                  java.util.Arrays.fill(flat, 0, width * height, (byte) y);
                  java.util.Arrays.fill(flat, width * height, flat.length, (byte) 128);
                  frame = flat;
                }
                source.pushI420(width, height, frame);
                p.pushed++;
                n++;
              }
            },
            "test-frames");
    t.setDaemon(true);
    t.start();
    return p;
  }

  static byte[] i420Bar(int width, int height, int n) {
    byte[] f = new byte[width * height * 3 / 2];
    int barX = (n * 16) % width;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        f[y * width + x] = (byte) (x >= barX && x < barX + 40 ? 235 : 30);
      }
    }
    java.util.Arrays.fill(f, width * height, f.length, (byte) 128);
    return f;
  }

  long pushed() {
    return pushed;
  }

  @Override
  public void close() {
    running = false;
  }
}

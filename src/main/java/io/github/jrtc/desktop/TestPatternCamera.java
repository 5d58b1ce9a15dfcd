package io.github.jrtc.desktop;

import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.media.VideoFrameSource;
import java.util.Arrays;

/**
 * The camera picker's "Test pattern" entry, for machines without a camera: colour bars with a white
 * bar sweeping across, 640x360 at 30 fps, drawn in Java on its own thread.
 */
final class TestPatternCamera implements AutoCloseable {
  static final String DEVICE_ID = "jrtc-test-pattern";
  private static final int W = 640;
  private static final int H = 360;
  private static final int FPS = 30;
  private static final int[][] BARS = {
    {192, 192, 192},
    {192, 192, 0},
    {0, 192, 192},
    {0, 192, 0},
    {192, 0, 192},
    {192, 0, 0},
    {0, 0, 192}
  };

  private final VideoFrameSource source = new VideoFrameSource(FPS, "Test pattern");
  private final Thread thread;
  private volatile boolean running = true;

  TestPatternCamera() {
    thread = new Thread(this::run, "jrtc-desktop-test-pattern");
    thread.setDaemon(true);
    thread.start();
  }

  MediaStreamTrack track() {
    return source.track();
  }

  private void run() {
    byte[] background = new byte[W * H * 4];
    for (int x = 0; x < W; x++) {
      int[] c = BARS[x * BARS.length / W];
      for (int y = 0; y < H; y++) {
        int i = (y * W + x) * 4;
        background[i] = (byte) c[0];
        background[i + 1] = (byte) c[1];
        background[i + 2] = (byte) c[2];
        background[i + 3] = (byte) 255;
      }
    }
    byte[] frame = new byte[background.length];
    long start = System.nanoTime();
    for (long n = 0; running; n++) {
      System.arraycopy(background, 0, frame, 0, frame.length);
      int bar = (int) (n * 6 % W);
      for (int y = 0; y < H; y++) {
        Arrays.fill(frame, (y * W + bar) * 4, (y * W + Math.min(W, bar + 24)) * 4, (byte) 255);
      }
      source.pushRgba(W, H, frame);
      long next = start + (n + 1) * 1_000_000_000L / FPS;
      long sleepNs = next - System.nanoTime();
      if (sleepNs > 0) {
        try {
          Thread.sleep(sleepNs / 1_000_000, (int) (sleepNs % 1_000_000));
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    source.track().stop();
    source.close();
  }
}

package io.github.jrtc.signaling;

import io.github.jrtc.MediaStream;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrameSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's default media: a moving test pattern (colour bars with a sweeping bar and a bouncing
 * square, 640x480 at 30 fps) and a 440 Hz tone, made in Java. Each call gets its own sources
 * (tracks are per connection); one generator thread renders each frame once and feeds them all.
 */
public final class TestPatternMedia implements CallBot.Media, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestPatternMedia.class);
  static final int WIDTH = 640;
  static final int HEIGHT = 480;
  static final int FPS = 30;
  private static final int RATE = 48000;
  private static final int CHUNK = 960; // 20 ms

  private record Sources(VideoFrameSource video, AudioSampleSource audio) {}

  private final Map<RTCPeerConnection, Sources> sources = new ConcurrentHashMap<>();
  private final byte[] background = colourBars();
  private final Object generatorLock = new Object();
  private Thread generator; // guarded by generatorLock
  private volatile boolean closed;

  @Override
  public CompletableFuture<Void> attach(RTCPeerConnection pc, String peer) {
    try {
      Sources s =
          new Sources(
              new VideoFrameSource(FPS, "jrtc test pattern"),
              new AudioSampleSource(RATE, 1, "jrtc 440 Hz tone"));
      MediaStream stream = new MediaStream();
      pc.addTrack(s.video().track(), stream);
      pc.addTrack(s.audio().track(), stream);
      sources.put(pc, s);
      ensureGenerator();
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * The call is over: its sources stop and their tracks end, as MDN's callee stops its local tracks
   * at hang-up; the last track ending gives the native source and track back (a bot that only
   * closed the sources kept both until the engine shut down).
   */
  @Override
  public void detach(RTCPeerConnection pc, String peer) {
    Sources s = sources.remove(pc);
    if (s != null) {
      s.video().close();
      s.audio().close();
      s.video().track().stop();
      s.audio().track().stop();
    }
  }

  @Override
  public void close() {
    closed = true;
    for (RTCPeerConnection pc : sources.keySet()) {
      detach(pc, null);
    }
  }

  private void ensureGenerator() {
    synchronized (generatorLock) {
      if (generator != null && generator.isAlive()) {
        return;
      }
      generator = new Thread(this::generate, "jrtc-test-pattern");
      generator.setDaemon(true);
      generator.start();
    }
  }

  /** Real-time pacing: frames at 30 fps, audio kept ~60 ms ahead; stops when no call is left. */
  private void generate() {
    long start = System.nanoTime();
    long samples = 0;
    long frame = 0;
    short[] chunk = new short[CHUNK];
    try {
      while (!closed) {
        if (sources.isEmpty()) {
          synchronized (generatorLock) {
            if (sources.isEmpty()) {
              generator = null;
              return;
            }
          }
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        while (samples < (elapsedMs + 60) * (RATE / 1000)) {
          tone(chunk, samples);
          for (Sources s : sources.values()) {
            s.audio().pushSamples(chunk);
          }
          samples += CHUNK;
        }
        if (elapsedMs * FPS / 1000 >= frame) {
          byte[] rgba = render(frame);
          for (Sources s : sources.values()) {
            s.video().pushRgba(WIDTH, HEIGHT, rgba);
          }
          frame++;
        }
        Thread.sleep(5);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A source closed under us when a call ended: the next loop sees the new set of calls.
      LOG.debug("test pattern generator: {}", e.toString());
      synchronized (generatorLock) {
        generator = null;
      }
      if (!closed && !sources.isEmpty()) {
        ensureGenerator();
      }
    }
  }

  private static void tone(short[] out, long start) {
    for (int i = 0; i < out.length; i++) {
      double t = (start + i) / (double) RATE;
      out[i] = (short) Math.round(0.3 * 32767 * Math.sin(2 * Math.PI * 440 * t));
    }
  }

  private static byte[] colourBars() {
    int[][] bars = {
      {235, 235, 235}, {235, 235, 16}, {16, 235, 235}, {16, 235, 16},
      {235, 16, 235}, {235, 16, 16}, {16, 16, 235}, {16, 16, 16}
    };
    byte[] rgba = new byte[WIDTH * HEIGHT * 4];
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int[] c = bars[x * bars.length / WIDTH];
        int i = (y * WIDTH + x) * 4;
        rgba[i] = (byte) c[0];
        rgba[i + 1] = (byte) c[1];
        rgba[i + 2] = (byte) c[2];
        rgba[i + 3] = (byte) 255;
      }
    }
    return rgba;
  }

  /** Colour bars, a white bar sweeping left to right, a bouncing orange square: visibly moving. */
  byte[] render(long n) {
    byte[] rgba = background.clone();
    int barX = (int) ((n * 6) % WIDTH);
    fill(rgba, barX, 0, 24, HEIGHT, 255, 255, 255);
    int size = 80;
    int period = 2 * (HEIGHT - size);
    int p = (int) ((n * 5) % period);
    int y = p < HEIGHT - size ? p : period - p;
    int x = (int) ((n * 3) % (WIDTH - size));
    fill(rgba, x, y, size, size, 255, 128, 0);
    return rgba;
  }

  private static void fill(byte[] rgba, int x0, int y0, int w, int h, int r, int g, int b) {
    for (int y = Math.max(0, y0); y < Math.min(HEIGHT, y0 + h); y++) {
      for (int x = Math.max(0, x0); x < Math.min(WIDTH, x0 + w); x++) {
        int i = (y * WIDTH + x) * 4;
        rgba[i] = (byte) r;
        rgba[i + 1] = (byte) g;
        rgba[i + 2] = (byte) b;
      }
    }
  }
}

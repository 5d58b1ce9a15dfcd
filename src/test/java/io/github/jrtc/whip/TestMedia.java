package io.github.jrtc.whip;

import io.github.jrtc.MediaStream;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrameSource;

/** A moving bar (320x240, 30 fps) and a 440 Hz tone at half scale, pushed in real time. */
final class TestMedia implements AutoCloseable {
  private static final int RATE = 48000;
  static final int WIDTH = 320;
  static final int HEIGHT = 240;

  private final VideoFrameSource video = new VideoFrameSource(30, "whip test video");
  private final AudioSampleSource audio = new AudioSampleSource(RATE, 1, "whip test audio");
  private final MediaStream stream = new MediaStream();
  private final Thread generator;
  private volatile boolean running = true;

  TestMedia() {
    stream.addTrack(audio.track());
    stream.addTrack(video.track());
    generator = new Thread(this::generate, "whip-test-media");
    generator.setDaemon(true);
    generator.start();
  }

  MediaStream stream() {
    return stream;
  }

  private void generate() {
    long start = System.nanoTime();
    long samples = 0;
    int frame = 0;
    short[] chunk = new short[960];
    while (running) {
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      while (samples < (elapsedMs + 60) * RATE / 1000) {
        for (int i = 0; i < chunk.length; i++) {
          double t = (samples + i) / (double) RATE;
          chunk[i] = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * 440 * t));
        }
        audio.pushSamples(chunk);
        samples += chunk.length;
      }
      if (elapsedMs * 30 / 1000 >= frame) {
        video.pushRgba(WIDTH, HEIGHT, bar(frame));
        frame++;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static byte[] bar(int n) {
    byte[] rgba = new byte[WIDTH * HEIGHT * 4];
    int barX = (n * 4) % WIDTH;
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int i = (y * WIDTH + x) * 4;
        byte v = (byte) (x >= barX && x < barX + WIDTH / 16 ? 235 : 30);
        rgba[i] = v;
        rgba[i + 1] = v;
        rgba[i + 2] = v;
        rgba[i + 3] = (byte) 255;
      }
    }
    return rgba;
  }

  @Override
  public void close() {
    running = false;
    generator.interrupt();
    video.close();
    audio.close();
    for (var t : stream.getTracks()) {
      t.stop();
    }
  }
}

package io.github.jrtc.interop;

import io.github.jrtc.MediaStream;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrameSource;

/**
 * jrtc's outgoing media for a case: a moving bright bar on a dark background (so encoders cannot
 * skip frames as static) at 30 fps, and a 440 Hz sine at half scale (RMS 0.354), pushed from Java
 * at real time by one generator thread.
 */
final class JrtcMediaSender implements AutoCloseable {
  static final double TONE_RMS = 0.5 / Math.sqrt(2);
  private static final int RATE = 48000;

  final int width;
  final int height;
  private final VideoFrameSource video = new VideoFrameSource(30, "jrtc interop video");
  private final AudioSampleSource audio = new AudioSampleSource(RATE, 1, "jrtc interop audio");
  private final Thread generator;
  private volatile boolean running = true;

  JrtcMediaSender(int width, int height) {
    this.width = width;
    this.height = height;
    generator = new Thread(this::generate, "interop-media-generator");
    generator.setDaemon(true);
    generator.start();
  }

  /** Adds both tracks, in one stream, to {@code pc}. */
  void addTo(RTCPeerConnection pc) {
    MediaStream stream = new MediaStream();
    pc.addTrack(audio.track(), stream);
    pc.addTrack(video.track(), stream);
  }

  private void generate() {
    long start = System.nanoTime();
    long samples = 0;
    int frame = 0;
    while (running) {
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      // Keep 60 ms of audio ahead of real time; the source paces it out.
      while (samples < (elapsedMs + 60) * RATE / 1000) {
        audio.pushSamples(tone(samples, 960));
        samples += 960;
      }
      if (elapsedMs * 30 / 1000 >= frame) {
        video.pushRgba(width, height, bar(frame));
        frame++;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private byte[] bar(int n) {
    byte[] rgba = new byte[width * height * 4];
    int barX = (n * 4) % width;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = (y * width + x) * 4;
        byte v = (byte) (x >= barX && x < barX + width / 16 ? 235 : 30);
        rgba[i] = v;
        rgba[i + 1] = v;
        rgba[i + 2] = v;
        rgba[i + 3] = (byte) 255;
      }
    }
    return rgba;
  }

  private static short[] tone(long start, int count) {
    short[] out = new short[count];
    for (int i = 0; i < count; i++) {
      double t = (start + i) / (double) RATE;
      out[i] = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * 440 * t));
    }
    return out;
  }

  @Override
  public void close() {
    running = false;
    generator.interrupt();
    video.close();
    audio.close();
  }
}

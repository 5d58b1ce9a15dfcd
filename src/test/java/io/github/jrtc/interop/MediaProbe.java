package io.github.jrtc.interop;

import io.github.jrtc.RTCTrackEvent;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * jrtc's sinks on the tracks it receives: counts frames and keeps the last frame size (video), and
 * sums squared samples over time (audio), so a window's RMS is sqrt(Δenergy / Δseconds) — the level
 * of the samples themselves, not a count of callbacks (libwebrtc calls audio sinks with silence
 * before media flows).
 */
final class MediaProbe implements AutoCloseable {
  private final List<SinkRegistration> sinks = new CopyOnWriteArrayList<>();
  private volatile long frames;
  private volatile int width;
  private volatile int height;
  private double energy;
  private double seconds;
  private double peak;

  void attach(RTCTrackEvent e) {
    if (e.track().kind().equals("video")) {
      sinks.add(
          TrackSinks.addVideoSink(
              e.track(),
              f -> {
                width = f.width();
                height = f.height();
                frames++;
              }));
    } else {
      sinks.add(
          TrackSinks.addAudioSink(
              e.track(),
              d -> {
                double rms = d.rms();
                synchronized (this) {
                  double chunk = d.frames() / (double) d.sampleRate();
                  energy += rms * rms * chunk;
                  seconds += chunk;
                  peak = Math.max(peak, rms);
                }
              }));
    }
  }

  long frames() {
    return frames;
  }

  /**
   * A snapshot: frames, width, height, audio energy, audio seconds, and the loudest 10 ms chunk's
   * RMS since the previous snapshot (peers like Chromium's fake microphone beep rather than hum).
   */
  synchronized Snapshot snapshot() {
    Snapshot s = new Snapshot(System.nanoTime(), frames, width, height, energy, seconds, peak);
    peak = 0;
    return s;
  }

  record Snapshot(
      long nanos, long frames, int width, int height, double energy, double seconds, double peak) {
    double fpsSince(Snapshot before) {
      return (frames - before.frames) / ((nanos - before.nanos) / 1e9);
    }

    double rmsSince(Snapshot before) {
      double d = seconds - before.seconds;
      return d <= 0 ? 0 : Math.sqrt((energy - before.energy) / d);
    }
  }

  @Override
  public void close() throws Exception {
    for (SinkRegistration s : sinks) {
      s.close();
    }
  }
}

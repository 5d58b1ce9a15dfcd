package io.github.jrtc.internal.recording;

/**
 * The one clock a recording is timed by: {@link System#nanoTime()}, read when a frame or an audio
 * chunk arrives from libwebrtc (see {@code AudioData.timestampNanos} and {@code
 * VideoFrame.arrivalNanos}). Capture and render timestamps of different sources are not comparable;
 * arrival times on this clock are, so audio and video stay in step.
 */
public final class MediaClock {
  private MediaClock() {}

  public static long nanos() {
    return System.nanoTime();
  }
}

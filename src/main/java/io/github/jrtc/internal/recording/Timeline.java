package io.github.jrtc.internal.recording;

/**
 * Maps arrival times on the {@link MediaClock} to the recording's media time: nanoseconds since the
 * origin (the first frame, or the first audio when there is no video) minus the time spent paused,
 * so a resumed recording continues where it paused, with no gap. Used by the encoding thread only.
 */
final class Timeline {
  private long origin;
  private boolean started;
  private long pausedTotal;
  private long pausedAt = -1;

  void start(long originNanos) {
    origin = originNanos;
    started = true;
  }

  boolean started() {
    return started;
  }

  void pause(long nanos) {
    if (pausedAt < 0) {
      pausedAt = nanos;
    }
  }

  void resume(long nanos) {
    if (pausedAt >= 0) {
      pausedTotal += Math.max(0, nanos - pausedAt);
      pausedAt = -1;
    }
  }

  /** Media time of an arrival; negative before the origin. */
  long mediaNanos(long arrivalNanos) {
    return arrivalNanos - origin - pausedTotal;
  }
}

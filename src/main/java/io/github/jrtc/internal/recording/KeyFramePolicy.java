package io.github.jrtc.internal.recording;

/**
 * When to force a key frame: after {@code intervalMillis} of media time or after {@code
 * intervalFrames} frames since the last one (the spec's videoKeyFrameIntervalDuration / Count).
 * Recordings default to one a second, so a crash loses at most the last second.
 */
record KeyFramePolicy(long intervalMillis, long intervalFrames) {
  static final KeyFramePolicy EVERY_SECOND = new KeyFramePolicy(1000, 0);

  static KeyFramePolicy of(Double durationMillis, Long count) {
    if (count != null) {
      return new KeyFramePolicy(0, Math.max(1, count));
    }
    if (durationMillis != null) {
      return new KeyFramePolicy(Math.max(1, Math.round(durationMillis)), 0);
    }
    return EVERY_SECOND;
  }

  boolean due(long ptsMillis, long lastKeyMillis, long framesSinceKey) {
    if (lastKeyMillis < 0) {
      return true;
    }
    if (intervalFrames > 0) {
      return framesSinceKey >= intervalFrames;
    }
    return ptsMillis - lastKeyMillis >= intervalMillis;
  }
}

package io.github.jrtc.internal.recording;

import java.util.ArrayDeque;

/**
 * Keeps recorded audio on the media clock without chasing arrival jitter. Each chunk's lateness is
 * where the clock says it starts minus where the samples so far put it. Jitter only ever makes a
 * chunk late (a stalled thread delivers a burst), so the smallest lateness over the last half
 * second is the true offset: only when that stays beyond {@link #THRESHOLD} is silence inserted
 * (audio was lost) or input dropped (audio runs ahead). A single lateness beyond {@link #GAP} is a
 * real gap (the source stopped) and is filled at once.
 */
final class AudioAlignment {
  /** 20 ms at 48 kHz: offsets below this are left alone. */
  static final long THRESHOLD = AudioEncoder.RATE / 50;

  /** 200 ms at 48 kHz: a lateness this large is a gap in the input, not jitter. */
  static final long GAP = AudioEncoder.RATE / 5;

  /** Chunks (10 ms each) the smallest lateness is taken over. */
  static final int WINDOW = 50;

  /** Chunks seen before a correction is trusted. */
  static final int MIN_HISTORY = 25;

  private final ArrayDeque<Long> window = new ArrayDeque<>();
  private boolean first = true;

  /**
   * @param expected where the clock puts the chunk's first sample (48 kHz samples)
   * @param position where the samples written so far put it
   * @return samples of silence to insert before the chunk (positive), samples to drop from its
   *     start (negative), or 0
   */
  long correction(long expected, long position) {
    long lateness = expected - position;
    if (first) {
      // The first chunk is placed exactly where the clock says: no leeway to carry forever.
      first = false;
      return lateness;
    }
    if (lateness > GAP || lateness < -GAP) {
      window.clear();
      return lateness;
    }
    window.addLast(lateness);
    if (window.size() > WINDOW) {
      window.removeFirst();
    }
    if (window.size() < MIN_HISTORY) {
      return 0;
    }
    long min = Long.MAX_VALUE;
    for (long l : window) {
      min = Math.min(min, l);
    }
    if (min > THRESHOLD || min < -THRESHOLD) {
      window.clear();
      return min;
    }
    return 0;
  }
}

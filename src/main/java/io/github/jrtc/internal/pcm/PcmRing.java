package io.github.jrtc.internal.pcm;

/**
 * A bounded FIFO of 16-bit samples. Writing more than fits drops the oldest samples (a producer
 * that runs ahead loses old audio, not new); reading fills what is missing with silence.
 */
public final class PcmRing {
  private final short[] data;
  private int start; // guarded by this
  private int size; // guarded by this
  private long dropped; // guarded by this
  private long underrun; // guarded by this

  public PcmRing(int capacity) {
    this.data = new short[capacity];
  }

  public synchronized void write(short[] src, int offset, int length) {
    for (int i = 0; i < length; i++) {
      if (size == data.length) {
        start = (start + 1) % data.length;
        size--;
        dropped++;
      }
      data[(start + size) % data.length] = src[offset + i];
      size++;
    }
  }

  /** Fills {@code dst}; returns how many samples were real (the rest is silence). */
  public synchronized int read(short[] dst) {
    int n = Math.min(size, dst.length);
    for (int i = 0; i < n; i++) {
      dst[i] = data[(start + i) % data.length];
    }
    start = (start + n) % data.length;
    size -= n;
    for (int i = n; i < dst.length; i++) {
      dst[i] = 0;
    }
    underrun += dst.length - n;
    return n;
  }

  /**
   * Drops the oldest samples until at most {@code keep} are left; returns how many were dropped.
   */
  public synchronized int trimTo(int keep) {
    int n = Math.max(0, size - keep);
    start = (start + n) % data.length;
    size -= n;
    dropped += n;
    return n;
  }

  public synchronized int size() {
    return size;
  }

  public synchronized long droppedSamples() {
    return dropped;
  }

  public synchronized long silentSamples() {
    return underrun;
  }
}

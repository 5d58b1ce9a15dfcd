package io.github.jrtc.media;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One decoded I420 video frame handed to a {@link VideoSink}. The frame is borrowed for the
 * callback: it is released when the callback returns unless the sink called {@link #retain()},
 * which must then be paired with a {@link #release()} (reference counting as Netty's {@code
 * ReferenceCounted}). A released frame's planes must not be read.
 */
public final class VideoFrame {
  private final int width;
  private final int height;
  private final ByteBuffer dataY;
  private final ByteBuffer dataU;
  private final ByteBuffer dataV;
  private final int strideY;
  private final int strideU;
  private final int strideV;
  private final int rotation;
  private final long timestampUs;
  private final long arrivalNanos;
  private final Runnable deallocator;
  private final AtomicInteger refCnt = new AtomicInteger(1);

  /**
   * @param deallocator run once when the reference count drops to zero (frees the planes)
   */
  public VideoFrame(
      int width,
      int height,
      ByteBuffer dataY,
      int strideY,
      ByteBuffer dataU,
      int strideU,
      ByteBuffer dataV,
      int strideV,
      int rotation,
      long timestampUs,
      Runnable deallocator) {
    this(
        width,
        height,
        dataY,
        strideY,
        dataU,
        strideU,
        dataV,
        strideV,
        rotation,
        timestampUs,
        System.nanoTime(),
        deallocator);
  }

  /**
   * @param arrivalNanos when the frame reached Java, on {@link System#nanoTime()}'s clock
   * @param deallocator run once when the reference count drops to zero (frees the planes)
   */
  public VideoFrame(
      int width,
      int height,
      ByteBuffer dataY,
      int strideY,
      ByteBuffer dataU,
      int strideU,
      ByteBuffer dataV,
      int strideV,
      int rotation,
      long timestampUs,
      long arrivalNanos,
      Runnable deallocator) {
    this.width = width;
    this.height = height;
    this.dataY = dataY.asReadOnlyBuffer();
    this.dataU = dataU.asReadOnlyBuffer();
    this.dataV = dataV.asReadOnlyBuffer();
    this.strideY = strideY;
    this.strideU = strideU;
    this.strideV = strideV;
    this.rotation = rotation;
    this.timestampUs = timestampUs;
    this.arrivalNanos = arrivalNanos;
    this.deallocator = deallocator;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Clockwise rotation to apply for display: 0, 90, 180 or 270. */
  public int rotation() {
    return rotation;
  }

  /**
   * Capture or render time in microseconds, as the source gave it: a remote frame's is libwebrtc's
   * render time, a {@code VideoFrameSource} frame's counts from that source's creation, so they are
   * not comparable. Use {@link #arrivalNanos()} to time frames against each other and audio.
   */
  public long timestampUs() {
    return timestampUs;
  }

  /**
   * When the frame arrived from libwebrtc, on {@link System#nanoTime()}'s clock: the same clock as
   * {@link AudioData#timestampNanos()}, so video and audio of any source can be put on one timeline
   * (what MediaRecorder does).
   */
  public long arrivalNanos() {
    return arrivalNanos;
  }

  /** The luma plane, read-only, {@link #strideY()} bytes per row. */
  public ByteBuffer dataY() {
    ensureAccessible();
    return dataY.duplicate();
  }

  public ByteBuffer dataU() {
    ensureAccessible();
    return dataU.duplicate();
  }

  public ByteBuffer dataV() {
    ensureAccessible();
    return dataV.duplicate();
  }

  public int strideY() {
    return strideY;
  }

  public int strideU() {
    return strideU;
  }

  public int strideV() {
    return strideV;
  }

  /** The luma value at (x, y), 0..255. */
  public int lumaAt(int x, int y) {
    ensureAccessible();
    return dataY.get(y * strideY + x) & 0xff;
  }

  /** The current reference count; 0 once released. */
  public int refCnt() {
    return refCnt.get();
  }

  /** Keeps the frame beyond the callback; pair with {@link #release()}. */
  public VideoFrame retain() {
    while (true) {
      int c = refCnt.get();
      if (c <= 0) {
        throw new IllegalStateException("The frame was already released");
      }
      if (refCnt.compareAndSet(c, c + 1)) {
        return this;
      }
    }
  }

  /**
   * Drops one reference.
   *
   * @return true when this released the last reference and freed the frame
   */
  public boolean release() {
    while (true) {
      int c = refCnt.get();
      if (c <= 0) {
        throw new IllegalStateException("The frame was already released");
      }
      if (refCnt.compareAndSet(c, c - 1)) {
        if (c == 1) {
          deallocator.run();
          return true;
        }
        return false;
      }
    }
  }

  private void ensureAccessible() {
    if (refCnt.get() <= 0) {
      throw new IllegalStateException("The frame was released");
    }
  }

  @Override
  public String toString() {
    return "VideoFrame["
        + width
        + "x"
        + height
        + ", rotation="
        + rotation
        + ", ts="
        + timestampUs
        + "us, refCnt="
        + refCnt.get()
        + "]";
  }
}

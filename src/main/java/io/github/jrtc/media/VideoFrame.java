package io.github.jrtc.media;

import io.github.jrtc.TypeError;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.video.I420Conversion;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One decoded I420 video frame handed to a {@link VideoSink}. The frame is borrowed for the
 * callback: it is released when the callback returns unless the sink called {@link #retain()},
 * which must then be paired with a {@link #release()} (reference counting as Netty's {@code
 * ReferenceCounted}). A released frame's planes must not be read.
 *
 * <p>{@link #allocationSize(VideoPixelFormat)} and {@link #copyTo(ByteBuffer, VideoPixelFormat)}
 * are WebCodecs' {@code VideoFrame} methods, for renderers (Swing, JavaFX, image files): the frame
 * converted once into a buffer the caller owns. Unlike WebCodecs' promise, {@code copyTo} copies
 * before it returns, since the frame is only borrowed for the sink's callback. Rotation is not
 * applied (as in WebCodecs): the renderer rotates by {@link #rotation()}.
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
   * Wraps decoded I420 planes, stamping the arrival time with {@link System#nanoTime()} now. The
   * frame starts with a reference count of 1.
   *
   * @param deallocator run once when the reference count drops to zero (frees the planes)
   * @param width the width in pixels
   * @param height the height in pixels
   * @param dataY the luma plane
   * @param strideY bytes per luma row
   * @param dataU the U plane
   * @param strideU bytes per U row
   * @param dataV the V plane
   * @param strideV bytes per V row
   * @param rotation clockwise rotation for display: 0, 90, 180 or 270
   * @param timestampUs capture or render time in microseconds
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
   * Wraps decoded I420 planes with a given arrival time. The frame starts with a reference count of
   * 1; the planes are kept as read-only views.
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @param dataY the luma plane
   * @param strideY bytes per luma row
   * @param dataU the U plane
   * @param strideU bytes per U row
   * @param dataV the V plane
   * @param strideV bytes per V row
   * @param rotation clockwise rotation for display: 0, 90, 180 or 270
   * @param timestampUs capture or render time in microseconds
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

  /**
   * The width in pixels.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * The height in pixels.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * Clockwise rotation to apply for display: 0, 90, 180 or 270.
   *
   * @return the rotation in degrees
   */
  public int rotation() {
    return rotation;
  }

  /**
   * Capture or render time in microseconds, as the source gave it: a remote frame's is libwebrtc's
   * render time, a {@code VideoFrameSource} frame's counts from that source's creation, so they are
   * not comparable. Use {@link #arrivalNanos()} to time frames against each other and audio.
   *
   * @return the timestamp in microseconds
   */
  public long timestampUs() {
    return timestampUs;
  }

  /**
   * When the frame arrived from libwebrtc, on {@link System#nanoTime()}'s clock: the same clock as
   * {@link AudioData#timestampNanos()}, so video and audio of any source can be put on one timeline
   * (what MediaRecorder does).
   *
   * @return the arrival time in nanoseconds
   */
  public long arrivalNanos() {
    return arrivalNanos;
  }

  /**
   * The luma plane, read-only, {@link #strideY()} bytes per row.
   *
   * @return the plane
   */
  public ByteBuffer dataY() {
    ensureAccessible();
    return dataY.duplicate();
  }

  /**
   * The U plane, read-only, {@link #strideU()} bytes per row.
   *
   * @return the plane
   */
  public ByteBuffer dataU() {
    ensureAccessible();
    return dataU.duplicate();
  }

  /**
   * The V plane, read-only, {@link #strideV()} bytes per row.
   *
   * @return the plane
   */
  public ByteBuffer dataV() {
    ensureAccessible();
    return dataV.duplicate();
  }

  /**
   * Bytes per row of the luma plane.
   *
   * @return the stride
   */
  public int strideY() {
    return strideY;
  }

  /**
   * Bytes per row of the U plane.
   *
   * @return the stride
   */
  public int strideU() {
    return strideU;
  }

  /**
   * Bytes per row of the V plane.
   *
   * @return the stride
   */
  public int strideV() {
    return strideV;
  }

  /**
   * The luma value at (x, y), 0..255.
   *
   * @param x the column
   * @param y the row
   * @return the luma value
   */
  public int lumaAt(int x, int y) {
    ensureAccessible();
    return dataY.get(y * strideY + x) & 0xff;
  }

  /**
   * Bytes {@link #copyTo(ByteBuffer, VideoPixelFormat)} writes for {@code format}.
   *
   * @param format the pixel format to convert to
   * @return the size in bytes of the packed frame in that format
   * @throws TypeError if {@code format} is null
   */
  public int allocationSize(VideoPixelFormat format) {
    if (format == null) {
      throw new TypeError("allocationSize needs a VideoPixelFormat");
    }
    return switch (format) {
      case I420 -> width * height + 2 * chromaWidth() * chromaHeight();
      case RGBA, BGRA -> width * height * 4;
    };
  }

  /**
   * Writes the frame in {@code format} from the destination's position on (the position is left
   * where it was), packed rows: I420 as Y, U, V planes of {@code width} and {@code (width+1)/2}
   * bytes per row; RGBA and BGRA as {@code 4*width} bytes per row, alpha 255. Direct destinations
   * are written by libyuv without an intermediate copy.
   *
   * @param destination the buffer to write into, from its position on
   * @param format the pixel format to convert to
   * @return where each plane went (one for RGBA/BGRA, three for I420)
   * @throws TypeError when the destination is missing, read-only, or has fewer than {@link
   *     #allocationSize} bytes remaining, or the planes are smaller than their strides say; all
   *     checked before anything is read
   * @throws io.github.jrtc.DOMException InvalidStateError when the frame was released (WebCodecs'
   *     closed frame)
   */
  public List<PlaneLayout> copyTo(ByteBuffer destination, VideoPixelFormat format) {
    if (destination == null || format == null) {
      throw new TypeError("copyTo needs a destination buffer and a VideoPixelFormat");
    }
    if (destination.isReadOnly()) {
      throw new TypeError("copyTo: the destination buffer is read-only");
    }
    int size = allocationSize(format);
    if (destination.remaining() < size) {
      throw new TypeError(
          "copyTo: the destination has "
              + destination.remaining()
              + " bytes remaining, "
              + format
              + " at "
              + width
              + "x"
              + height
              + " needs "
              + size);
    }
    if (refCnt.get() <= 0) {
      throw Errors.invalidState("copyTo: the frame was released");
    }
    checkPlane("Y", dataY, strideY, width, height);
    checkPlane("U", dataU, strideU, chromaWidth(), chromaHeight());
    checkPlane("V", dataV, strideV, chromaWidth(), chromaHeight());
    if (format == VideoPixelFormat.I420) {
      int cw = chromaWidth();
      int uOffset = width * height;
      int vOffset = uOffset + cw * chromaHeight();
      ByteBuffer out = destination.duplicate();
      copyPlane(dataY, strideY, out, width, height);
      copyPlane(dataU, strideU, out, cw, chromaHeight());
      copyPlane(dataV, strideV, out, cw, chromaHeight());
      return List.of(
          new PlaneLayout(0, width), new PlaneLayout(uOffset, cw), new PlaneLayout(vOffset, cw));
    }
    I420Conversion.toPacked(
        width,
        height,
        dataY,
        strideY,
        dataU,
        strideU,
        dataV,
        strideV,
        destination,
        format == VideoPixelFormat.RGBA);
    return List.of(new PlaneLayout(0, width * 4));
  }

  private int chromaWidth() {
    return (width + 1) / 2;
  }

  private int chromaHeight() {
    return (height + 1) / 2;
  }

  private static void checkPlane(String name, ByteBuffer plane, int stride, int cols, int rows) {
    long needed = (long) stride * (rows - 1) + cols;
    if (stride < cols || plane.remaining() < needed) {
      throw new TypeError(
          "The frame's "
              + name
              + " plane has "
              + plane.remaining()
              + " bytes with stride "
              + stride
              + ", "
              + cols
              + "x"
              + rows
              + " needs "
              + needed);
    }
  }

  private static void copyPlane(ByteBuffer src, int stride, ByteBuffer out, int cols, int rows) {
    ByteBuffer row = src.duplicate();
    int base = src.position();
    for (int r = 0; r < rows; r++) {
      row.limit(base + r * stride + cols).position(base + r * stride);
      out.put(row);
    }
  }

  /**
   * The current reference count; 0 once released.
   *
   * @return the count
   */
  public int refCnt() {
    return refCnt.get();
  }

  /**
   * Keeps the frame beyond the callback; pair with {@link #release()}.
   *
   * @return this frame
   */
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

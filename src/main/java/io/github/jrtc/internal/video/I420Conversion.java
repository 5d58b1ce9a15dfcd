package io.github.jrtc.internal.video;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import io.github.jrtc.internal.spec.Errors;
import java.nio.ByteBuffer;

/**
 * I420 to packed 32-bit RGB through webrtc-java's {@link VideoBufferConverter} (libyuv). The native
 * side reads and writes at each direct buffer's address, ignoring position and limit, and
 * dereferences whatever address it gets: callers pass checked, direct slices only, and heap planes
 * are copied into direct ones first.
 */
public final class I420Conversion {
  private static final boolean LOADED = load();

  private I420Conversion() {}

  private static boolean load() {
    try {
      // VideoBufferConverter does not load the library itself (NATIVE-NOTES: UnsatisfiedLinkError)
      // and webrtc-java's loader is not exported to modules: initialising a class whose static
      // block loads it (and nothing else) does.
      Class.forName(
          "dev.onvoid.webrtc.media.audio.AudioProcessing",
          true,
          I420Conversion.class.getClassLoader());
      return true;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(I420Conversion.class)
          .warn("webrtc-java's native library did not load: no frame conversion", e);
      return false;
    }
  }

  /**
   * libyuv's FourCC names the order of a little-endian 32-bit word, so its "ARGB" is the bytes B,
   * G, R, A in memory and its "ABGR" the bytes R, G, B, A (NATIVE-NOTES).
   *
   * @param rgbaBytes true for bytes R, G, B, A; false for B, G, R, A
   */
  public static void toPacked(
      int width,
      int height,
      ByteBuffer y,
      int strideY,
      ByteBuffer u,
      int strideU,
      ByteBuffer v,
      int strideV,
      ByteBuffer dst,
      boolean rgbaBytes) {
    if (!LOADED) {
      throw Errors.invalidState("webrtc-java's native library is not available");
    }
    Planes planes =
        new Planes(width, height, direct(y), strideY, direct(u), strideU, direct(v), strideV);
    FourCC fourCC = rgbaBytes ? FourCC.ABGR : FourCC.ARGB;
    int size = width * height * 4;
    ByteBuffer target = dst.isDirect() ? dst.slice() : ByteBuffer.allocateDirect(size);
    try {
      VideoBufferConverter.convertFromI420(planes, target, fourCC);
    } catch (Exception e) {
      throw Errors.invalidState("libyuv could not convert the frame: " + e.getMessage());
    }
    if (!dst.isDirect()) {
      dst.duplicate().put(target.clear().limit(size));
    }
  }

  /** A direct view starting at the buffer's position (a copy if it is on the heap). */
  private static ByteBuffer direct(ByteBuffer b) {
    if (b.isDirect()) {
      return b.slice();
    }
    ByteBuffer copy = ByteBuffer.allocateDirect(b.remaining());
    copy.put(b.duplicate()).clear();
    return copy;
  }

  /** The three planes as the converter's input type (it only calls {@code toI420()} on it). */
  private record Planes(
      int width,
      int height,
      ByteBuffer y,
      int strideY,
      ByteBuffer u,
      int strideU,
      ByteBuffer v,
      int strideV)
      implements I420Buffer {
    @Override
    public ByteBuffer getDataY() {
      return y;
    }

    @Override
    public ByteBuffer getDataU() {
      return u;
    }

    @Override
    public ByteBuffer getDataV() {
      return v;
    }

    @Override
    public int getStrideY() {
      return strideY;
    }

    @Override
    public int getStrideU() {
      return strideU;
    }

    @Override
    public int getStrideV() {
      return strideV;
    }

    @Override
    public int getWidth() {
      return width;
    }

    @Override
    public int getHeight() {
      return height;
    }

    @Override
    public I420Buffer toI420() {
      return this;
    }

    @Override
    public void retain() {}

    @Override
    public void release() {}

    @Override
    public VideoFrameBuffer cropAndScale(
        int cropX, int cropY, int cropWidth, int cropHeight, int scaleWidth, int scaleHeight) {
      throw new UnsupportedOperationException("not a native buffer");
    }
  }
}

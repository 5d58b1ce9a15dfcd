package io.github.jrtc.internal.recording;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

import io.github.jrtc.media.VideoFrame;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Puts an I420 frame into the encoder's frame: a plain copy at the recording's size; otherwise
 * scaled to fit inside it, keeping the aspect ratio, centred on black (a resolution change
 * mid-recording keeps the first size, as the docs say). A rotated frame is turned upright first
 * ({@link UprightI420}).
 */
final class FrameScaler implements AutoCloseable {
  private final int width;
  private final int height;
  private SwsContext sws;
  private ByteBuffer[] staging = new ByteBuffer[3];
  private final UprightI420 upright = new UprightI420();

  FrameScaler(int width, int height) {
    this.width = width;
    this.height = height;
  }

  void fill(VideoFrame frame, AVFrame dst) {
    UprightI420.Picture src = upright.of(frame);
    if (src.width() == width && src.height() == height) {
      copyPlane(src.y(), src.strideY(), dst, 0, width, height);
      copyPlane(src.u(), src.strideU(), dst, 1, (width + 1) / 2, (height + 1) / 2);
      copyPlane(src.v(), src.strideV(), dst, 2, (width + 1) / 2, (height + 1) / 2);
      return;
    }
    scale(src, dst);
  }

  private static void copyPlane(
      ByteBuffer src, int srcStride, AVFrame dst, int plane, int rowBytes, int rows) {
    int dstStride = dst.linesize(plane);
    ByteBuffer out = dst.data(plane).capacity((long) dstStride * rows).asByteBuffer();
    ByteBuffer in = src.duplicate();
    int base = in.position();
    for (int r = 0; r < rows; r++) {
      in.limit(base + r * srcStride + rowBytes).position(base + r * srcStride);
      out.position(r * dstStride);
      out.put(in);
      in.limit(in.capacity());
    }
  }

  private void scale(UprightI420.Picture src, AVFrame dst) {
    int sw = src.width();
    int sh = src.height();
    // Fit inside width x height, keeping the aspect ratio, with even sizes and offsets.
    int fitW = width;
    int fitH = (int) Math.round((double) sh * width / sw);
    if (fitH > height) {
      fitH = height;
      fitW = (int) Math.round((double) sw * height / sh);
    }
    fitW = Math.max(2, fitW & ~1);
    fitH = Math.max(2, fitH & ~1);
    int x0 = ((width - fitW) / 2) & ~1;
    int y0 = ((height - fitH) / 2) & ~1;
    black(dst);
    sws =
        sws_getCachedContext(
            sws,
            sw,
            sh,
            AV_PIX_FMT_YUV420P,
            fitW,
            fitH,
            AV_PIX_FMT_YUV420P,
            SWS_BILINEAR,
            null,
            null,
            (DoublePointer) null);
    if (sws == null) {
      throw new IllegalStateException("sws_getCachedContext failed for " + sw + "x" + sh);
    }
    BytePointer y = direct(0, src.y());
    BytePointer u = direct(1, src.u());
    BytePointer v = direct(2, src.v());
    try (PointerPointer<BytePointer> srcData = new PointerPointer<>(y, u, v, null);
        IntPointer srcStride = new IntPointer(src.strideY(), src.strideU(), src.strideV(), 0);
        PointerPointer<BytePointer> dstData =
            new PointerPointer<>(
                dst.data(0).getPointer((long) y0 * dst.linesize(0) + x0),
                dst.data(1).getPointer((long) (y0 / 2) * dst.linesize(1) + x0 / 2),
                dst.data(2).getPointer((long) (y0 / 2) * dst.linesize(2) + x0 / 2),
                null);
        IntPointer dstStride =
            new IntPointer(dst.linesize(0), dst.linesize(1), dst.linesize(2), 0)) {
      sws_scale(sws, srcData, srcStride, 0, sh, dstData, dstStride);
    } finally {
      y.close();
      u.close();
      v.close();
    }
  }

  /** A native pointer to the plane: direct buffers as they are, heap ones copied first. */
  private BytePointer direct(int i, ByteBuffer plane) {
    if (plane.isDirect()) {
      return new BytePointer(plane);
    }
    if (staging[i] == null || staging[i].capacity() < plane.remaining()) {
      staging[i] = ByteBuffer.allocateDirect(plane.remaining());
    }
    ByteBuffer s = staging[i].clear();
    s.put(plane.duplicate()).flip();
    return new BytePointer(s);
  }

  private void black(AVFrame dst) {
    fillPlane(dst, 0, height, (byte) 16);
    fillPlane(dst, 1, (height + 1) / 2, (byte) 128);
    fillPlane(dst, 2, (height + 1) / 2, (byte) 128);
  }

  private static void fillPlane(AVFrame dst, int plane, int rows, byte value) {
    ByteBuffer b = dst.data(plane).capacity((long) dst.linesize(plane) * rows).asByteBuffer();
    while (b.hasRemaining()) {
      b.put(value);
    }
  }

  @Override
  public void close() {
    if (sws != null) {
      sws_freeContext(sws);
      sws = null;
    }
  }
}

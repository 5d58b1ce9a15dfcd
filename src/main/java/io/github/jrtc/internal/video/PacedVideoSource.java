package io.github.jrtc.internal.video;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import io.github.jrtc.MediaTrackSettings;
import io.github.jrtc.internal.bridge.SourceHooks;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import io.github.jrtc.internal.webrtcjava.NativeMedia;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native half of {@code io.github.jrtc.media.VideoFrameSource}: frames pushed from Java are
 * copied (or converted from RGBA) into native I420 buffers, paced by a {@link LatestFramePacer} and
 * pushed into a webrtc-java {@link CustomVideoSource} from the pacer's thread.
 */
public final class PacedVideoSource implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PacedVideoSource.class);

  private final NativeEngine engine;
  private final CustomVideoSource source;
  private final LatestFramePacer<NativeI420Buffer> pacer;
  private final double frameRate;
  private volatile int width;
  private volatile int height;
  private volatile boolean closed;
  private final TrackSource track;

  public PacedVideoSource(double frameRate, String label) {
    this.engine = NativeEngine.shared();
    this.frameRate = frameRate;
    synchronized (engine) {
      if (engine.isDisposed()) {
        throw Errors.invalidState("The jrtc engine has been shut down");
      }
      this.source = new CustomVideoSource();
    }
    this.pacer = new LatestFramePacer<>(frameRate, this::deliver, PacedVideoSource::free);
    this.track =
        NativeMedia.videoTrack(
            source,
            label,
            new SourceHooks() {
              @Override
              public MediaTrackSettings settings() {
                return MediaTrackSettings.video(null, width, height, frameRate);
              }

              @Override
              public void release() {
                close();
              }
            });
    pacer.start("jrtc-video-pacer");
  }

  /** The native side of the public track this source feeds, which the public class wraps. */
  public TrackSource trackSource() {
    return track;
  }

  private static void free(NativeI420Buffer b) {
    try {
      b.release();
    } catch (RuntimeException | Error e) {
      LOG.debug("Releasing a frame buffer failed", e);
    }
  }

  private void deliver(NativeI420Buffer buffer) {
    try {
      synchronized (engine) {
        if (closed || engine.isDisposed()) {
          return;
        }
        source.pushFrame(new VideoFrame(buffer, System.nanoTime()));
      }
    } finally {
      // pushFrame took its own reference (libwebrtc holds the buffer as long as it needs it).
      free(buffer);
    }
  }

  private NativeI420Buffer allocate(int w, int h) {
    if (w <= 0 || h <= 0) {
      throw new IllegalArgumentException("Frame size must be positive: " + w + "x" + h);
    }
    synchronized (engine) {
      if (closed || engine.isDisposed()) {
        return null;
      }
      width = w;
      height = h;
      return NativeI420Buffer.allocate(w, h);
    }
  }

  /** Copies an I420 frame (three planes with their strides). */
  public void pushI420(
      int w,
      int h,
      ByteBuffer y,
      int strideY,
      ByteBuffer u,
      int strideU,
      ByteBuffer v,
      int strideV) {
    NativeI420Buffer b = allocate(w, h);
    if (b == null) {
      return;
    }
    try {
      copyPlane(y, strideY, b.getDataY(), b.getStrideY(), w, h);
      copyPlane(u, strideU, b.getDataU(), b.getStrideU(), (w + 1) / 2, (h + 1) / 2);
      copyPlane(v, strideV, b.getDataV(), b.getStrideV(), (w + 1) / 2, (h + 1) / 2);
    } catch (RuntimeException e) {
      free(b);
      throw e;
    }
    pacer.push(b);
  }

  private static void copyPlane(
      ByteBuffer src, int srcStride, ByteBuffer dst, int dstStride, int rowBytes, int rows) {
    ByteBuffer s = src.duplicate();
    int base = s.position();
    if (srcStride == dstStride && s.remaining() >= srcStride * rows) {
      ByteBuffer whole = s.slice();
      whole.limit(srcStride * (rows - 1) + rowBytes);
      dst.put(whole);
      return;
    }
    for (int r = 0; r < rows; r++) {
      ByteBuffer row = s.duplicate();
      row.position(base + r * srcStride);
      row.limit(base + r * srcStride + rowBytes);
      dst.position(r * dstStride);
      dst.put(row);
    }
  }

  /** Converts an RGBA frame (4 bytes per pixel, R first, rows of {@code 4*w} bytes). */
  public void pushRgba(int w, int h, byte[] rgba) {
    if (rgba.length < w * h * 4) {
      throw new IllegalArgumentException("RGBA data needs " + (w * h * 4) + " bytes");
    }
    NativeI420Buffer b = allocate(w, h);
    if (b == null) {
      return;
    }
    try {
      // libyuv's ABGR is R,G,B,A in memory (see NATIVE-NOTES: FourCC.ABGR gives R,G,B,A).
      VideoBufferConverter.convertToI420(rgba, b, FourCC.ABGR);
    } catch (Exception e) {
      free(b);
      throw new IllegalStateException("RGBA conversion failed", e);
    }
    pacer.push(b);
  }

  public long pushedFrames() {
    return pacer.pushedFrames();
  }

  public long deliveredFrames() {
    return pacer.deliveredFrames();
  }

  public long droppedFrames() {
    return pacer.droppedFrames();
  }

  public double frameRate() {
    return frameRate;
  }

  /** Stops pacing and ends pushing; the native source is disposed when its last track stops. */
  @Override
  public void close() {
    synchronized (engine) {
      closed = true;
    }
    pacer.close();
  }
}

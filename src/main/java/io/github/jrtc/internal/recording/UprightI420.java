package io.github.jrtc.internal.recording;

import io.github.jrtc.media.VideoFrame;
import java.nio.ByteBuffer;

/**
 * An I420 picture as it is displayed: a frame's planes as they are when its rotation is 0,
 * otherwise rotated clockwise by {@link VideoFrame#rotation()} into buffers reused from frame to
 * frame. A file has no per-frame rotation, so the recorder writes upright pixels (a phone turned
 * mid-call is then scaled into the first size like any other size change).
 */
final class UprightI420 {
  /** One picture: sizes and the three planes with their strides. */
  record Picture(
      int width,
      int height,
      ByteBuffer y,
      int strideY,
      ByteBuffer u,
      int strideU,
      ByteBuffer v,
      int strideV) {}

  private final ByteBuffer[] rotated = new ByteBuffer[3];

  /** The displayed width of {@code f}. */
  static int width(VideoFrame f) {
    return swaps(f.rotation()) ? f.height() : f.width();
  }

  /** The displayed height of {@code f}. */
  static int height(VideoFrame f) {
    return swaps(f.rotation()) ? f.width() : f.height();
  }

  private static boolean swaps(int rotation) {
    return rotation == 90 || rotation == 270;
  }

  /** {@code f} upright; valid until the next call. */
  Picture of(VideoFrame f) {
    int w = f.width();
    int h = f.height();
    int r = f.rotation();
    if (r != 90 && r != 180 && r != 270) {
      return new Picture(
          w, h, f.dataY(), f.strideY(), f.dataU(), f.strideU(), f.dataV(), f.strideV());
    }
    int cw = (w + 1) / 2;
    int ch = (h + 1) / 2;
    ByteBuffer y = rotate(0, f.dataY(), f.strideY(), w, h, r);
    ByteBuffer u = rotate(1, f.dataU(), f.strideU(), cw, ch, r);
    ByteBuffer v = rotate(2, f.dataV(), f.strideV(), cw, ch, r);
    boolean swap = swaps(r);
    return new Picture(
        swap ? h : w, swap ? w : h, y, swap ? h : w, u, swap ? ch : cw, v, swap ? ch : cw);
  }

  /** Rotates a w x h plane clockwise by r into a tightly packed buffer. */
  private ByteBuffer rotate(int i, ByteBuffer src, int stride, int w, int h, int r) {
    if (rotated[i] == null || rotated[i].capacity() < w * h) {
      rotated[i] = ByteBuffer.allocateDirect(w * h);
    }
    ByteBuffer out = rotated[i].clear().limit(w * h);
    int base = src.position();
    int outW = r == 180 ? w : h;
    for (int sy = 0; sy < h; sy++) {
      int row = base + sy * stride;
      for (int sx = 0; sx < w; sx++) {
        int dx;
        int dy;
        if (r == 90) {
          dx = h - 1 - sy;
          dy = sx;
        } else if (r == 180) {
          dx = w - 1 - sx;
          dy = h - 1 - sy;
        } else {
          dx = sy;
          dy = w - 1 - sx;
        }
        out.put(dy * outW + dx, src.get(row + sx));
      }
    }
    return out;
  }
}

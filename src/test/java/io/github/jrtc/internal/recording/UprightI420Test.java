package io.github.jrtc.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.media.VideoFrame;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** A 4x2 frame (luma 0..7 row by row, chroma 10 11 / 20 21) turned upright by each rotation. */
class UprightI420Test {
  private static VideoFrame frame(int rotation) {
    // Strides wider than the rows, as libwebrtc's buffers often have.
    ByteBuffer y = ByteBuffer.wrap(new byte[] {0, 1, 2, 3, 99, 4, 5, 6, 7, 99});
    ByteBuffer u = ByteBuffer.wrap(new byte[] {10, 11, 99});
    ByteBuffer v = ByteBuffer.wrap(new byte[] {20, 21, 99});
    return new VideoFrame(4, 2, y, 5, u, 3, v, 3, rotation, 0L, () -> {});
  }

  private static int[][] plane(ByteBuffer b, int stride, int w, int h) {
    int[][] rows = new int[h][w];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        rows[r][c] = b.get(b.position() + r * stride + c);
      }
    }
    return rows;
  }

  @Test
  void noRotationIsTheFrameItself() {
    VideoFrame f = frame(0);
    UprightI420.Picture p = new UprightI420().of(f);
    assertThat(p.width()).isEqualTo(4);
    assertThat(p.strideY()).isEqualTo(5);
    assertThat(plane(p.y(), p.strideY(), 4, 2)).isEqualTo(new int[][] {{0, 1, 2, 3}, {4, 5, 6, 7}});
  }

  @Test
  void ninetyDegreesClockwise() {
    UprightI420.Picture p = new UprightI420().of(frame(90));
    assertThat(p.width()).isEqualTo(2);
    assertThat(p.height()).isEqualTo(4);
    assertThat(plane(p.y(), p.strideY(), 2, 4))
        .isEqualTo(new int[][] {{4, 0}, {5, 1}, {6, 2}, {7, 3}});
    assertThat(plane(p.u(), p.strideU(), 1, 2)).isEqualTo(new int[][] {{10}, {11}});
    assertThat(plane(p.v(), p.strideV(), 1, 2)).isEqualTo(new int[][] {{20}, {21}});
  }

  @Test
  void halfATurn() {
    UprightI420.Picture p = new UprightI420().of(frame(180));
    assertThat(plane(p.y(), p.strideY(), 4, 2)).isEqualTo(new int[][] {{7, 6, 5, 4}, {3, 2, 1, 0}});
    assertThat(plane(p.u(), p.strideU(), 2, 1)).isEqualTo(new int[][] {{11, 10}});
  }

  @Test
  void twoSeventyDegreesClockwise() {
    VideoFrame f = frame(270);
    assertThat(UprightI420.width(f)).isEqualTo(2);
    assertThat(UprightI420.height(f)).isEqualTo(4);
    UprightI420.Picture p = new UprightI420().of(f);
    assertThat(plane(p.y(), p.strideY(), 2, 4))
        .isEqualTo(new int[][] {{3, 7}, {2, 6}, {1, 5}, {0, 4}});
    assertThat(plane(p.v(), p.strideV(), 1, 2)).isEqualTo(new int[][] {{21}, {20}});
  }
}

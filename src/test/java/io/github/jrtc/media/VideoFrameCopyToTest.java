package io.github.jrtc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jrtc.DOMException;
import io.github.jrtc.TypeError;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * WebCodecs' allocationSize/copyTo on a 4x2 frame whose left half is red and right half blue
 * (BT.601 studio range, what libwebrtc's I420 carries), with strides wider than the rows.
 */
class VideoFrameCopyToTest {
  private static final int W = 4;
  private static final int H = 2;

  /** Y plane stride 8, chroma stride 4: padding bytes (0x55) must never reach the output. */
  private static VideoFrame frame(boolean direct) {
    ByteBuffer y = alloc(direct, 8 * H);
    ByteBuffer u = alloc(direct, 4);
    ByteBuffer v = alloc(direct, 4);
    for (int i = 0; i < 8 * H; i++) {
      y.put(i, (byte) 0x55);
    }
    for (int row = 0; row < H; row++) {
      y.put(row * 8, (byte) 81).put(row * 8 + 1, (byte) 81); // red
      y.put(row * 8 + 2, (byte) 41).put(row * 8 + 3, (byte) 41); // blue
    }
    u.put(0, (byte) 90).put(1, (byte) 240).put(2, (byte) 0x55).put(3, (byte) 0x55);
    v.put(0, (byte) 240).put(1, (byte) 110).put(2, (byte) 0x55).put(3, (byte) 0x55);
    return new VideoFrame(W, H, y, 8, u, 4, v, 4, 0, 0, () -> {});
  }

  private static ByteBuffer alloc(boolean direct, int n) {
    return direct ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
  }

  @Test
  void allocationSizesAreWebCodecs() {
    VideoFrame f = frame(false);
    assertThat(f.allocationSize(VideoPixelFormat.I420)).isEqualTo(8 + 2 + 2);
    assertThat(f.allocationSize(VideoPixelFormat.RGBA)).isEqualTo(32);
    assertThat(f.allocationSize(VideoPixelFormat.BGRA)).isEqualTo(32);
    assertThat(VideoPixelFormat.fromString("BGRA")).isEqualTo(VideoPixelFormat.BGRA);
    assertThat(VideoPixelFormat.RGBA.toString()).isEqualTo("RGBA");
    assertThatThrownBy(() -> VideoPixelFormat.fromString("ARGB")).isInstanceOf(TypeError.class);
  }

  @Test
  void i420IsPackedWithoutStridePadding() {
    ByteBuffer out = ByteBuffer.allocate(20).position(3);
    List<PlaneLayout> layout = frame(false).copyTo(out, VideoPixelFormat.I420);
    assertThat(layout)
        .containsExactly(new PlaneLayout(0, 4), new PlaneLayout(8, 2), new PlaneLayout(10, 2));
    assertThat(out.position()).as("position unchanged").isEqualTo(3);
    byte[] got = new byte[12];
    out.get(3, got);
    assertThat(got)
        .containsExactly(81, 81, 41, 41, 81, 81, 41, 41, 90, (byte) 240, (byte) 240, 110);
  }

  @Test
  void rgbaAndBgraHaveTheirByteOrderFromHeapAndDirectPlanes() {
    for (boolean directPlanes : new boolean[] {false, true}) {
      for (boolean directOut : new boolean[] {false, true}) {
        ByteBuffer rgba = alloc(directOut, 36).position(4);
        frame(directPlanes).copyTo(rgba, VideoPixelFormat.RGBA);
        assertPixel(rgba, 4, 255, 0, 0);
        assertPixel(rgba, 4 + 3 * 4, 0, 0, 255);
        assertPixel(rgba, 4 + 4 * 4, 255, 0, 0); // second row
        ByteBuffer bgra = alloc(directOut, 32);
        frame(directPlanes).copyTo(bgra, VideoPixelFormat.BGRA);
        // B, G, R, A in memory.
        assertPixel(bgra, 0, 0, 0, 255);
        assertPixel(bgra, 12, 255, 0, 0);
      }
    }
  }

  private static void assertPixel(ByteBuffer b, int at, int c0, int c1, int c2) {
    int[] got = {
      b.get(at) & 0xff, b.get(at + 1) & 0xff, b.get(at + 2) & 0xff, b.get(at + 3) & 0xff
    };
    assertThat(got[0]).as("byte 0 of %s", java.util.Arrays.toString(got)).isCloseTo(c0, within());
    assertThat(got[1]).as("byte 1 of %s", java.util.Arrays.toString(got)).isCloseTo(c1, within());
    assertThat(got[2]).as("byte 2 of %s", java.util.Arrays.toString(got)).isCloseTo(c2, within());
    assertThat(got[3]).as("alpha").isEqualTo(255);
  }

  private static org.assertj.core.data.Offset<Integer> within() {
    return org.assertj.core.data.Offset.offset(6);
  }

  @Test
  void badDestinationsAreTypeErrorsBeforeAnyConversion() {
    VideoFrame f = frame(true);
    assertThatThrownBy(() -> f.copyTo(ByteBuffer.allocateDirect(31), VideoPixelFormat.BGRA))
        .isInstanceOf(TypeError.class)
        .hasMessageContaining("needs 32");
    assertThatThrownBy(
            () -> f.copyTo(ByteBuffer.allocateDirect(64).position(40), VideoPixelFormat.RGBA))
        .isInstanceOf(TypeError.class);
    assertThatThrownBy(
            () -> f.copyTo(ByteBuffer.allocateDirect(32).asReadOnlyBuffer(), VideoPixelFormat.BGRA))
        .isInstanceOf(TypeError.class)
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> f.copyTo(null, VideoPixelFormat.BGRA)).isInstanceOf(TypeError.class);
    assertThatThrownBy(() -> f.copyTo(ByteBuffer.allocate(32), null)).isInstanceOf(TypeError.class);
  }

  @Test
  void planesShorterThanTheirStridesSayAreRefusedNotRead() {
    VideoFrame f =
        new VideoFrame(
            64,
            64,
            ByteBuffer.allocateDirect(64 * 63),
            64,
            ByteBuffer.allocateDirect(32 * 32),
            32,
            ByteBuffer.allocateDirect(32 * 32),
            32,
            0,
            0,
            () -> {});
    assertThatThrownBy(
            () -> f.copyTo(ByteBuffer.allocateDirect(64 * 64 * 4), VideoPixelFormat.BGRA))
        .isInstanceOf(TypeError.class)
        .hasMessageContaining("Y plane");
  }

  @Test
  void aReleasedFrameIsInvalidState() {
    VideoFrame f = frame(true);
    f.release();
    assertThatThrownBy(() -> f.copyTo(ByteBuffer.allocateDirect(32), VideoPixelFormat.BGRA))
        .isInstanceOf(DOMException.class)
        .satisfies(e -> assertThat(((DOMException) e).name()).isEqualTo("InvalidStateError"));
  }
}

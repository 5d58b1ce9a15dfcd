package io.github.jrtc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VideoFrameTest {
  private final AtomicInteger freed = new AtomicInteger();

  private VideoFrame frame() {
    ByteBuffer y = ByteBuffer.allocate(16);
    y.put(5, (byte) 200);
    return new VideoFrame(
        4,
        4,
        y,
        4,
        ByteBuffer.allocate(4),
        2,
        ByteBuffer.allocate(4),
        2,
        90,
        7,
        freed::incrementAndGet);
  }

  @Test
  void aBorrowedFrameIsFreedByItsSingleRelease() {
    VideoFrame f = frame();
    assertThat(f.refCnt()).isEqualTo(1);
    assertThat(f.lumaAt(1, 1)).isEqualTo(200);
    assertThat(f.release()).isTrue();
    assertThat(freed).hasValue(1);
    assertThat(f.refCnt()).isZero();
  }

  @Test
  void retainKeepsItUntilTheLastRelease() {
    VideoFrame f = frame();
    assertThat(f.retain()).isSameAs(f);
    assertThat(f.release()).isFalse();
    assertThat(freed).hasValue(0);
    assertThat(f.dataY().get(5)).isEqualTo((byte) 200);
    assertThat(f.release()).isTrue();
    assertThat(freed).hasValue(1);
  }

  @Test
  void aReleasedFrameCanNeitherBeReadNorRetainedNorReleasedAgain() {
    VideoFrame f = frame();
    f.release();
    assertThatThrownBy(f::dataY).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(f::retain).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(f::release).isInstanceOf(IllegalStateException.class);
    assertThat(freed).hasValue(1);
  }

  @Test
  void planesAreReadOnly() {
    VideoFrame f = frame();
    assertThat(f.dataY().isReadOnly()).isTrue();
    assertThat(f.rotation()).isEqualTo(90);
    assertThat(f.timestampUs()).isEqualTo(7);
    f.release();
  }

  @Test
  void rmsOfAFullScaleSquareWaveIsOneAndOfSilenceZero() {
    short[] square = new short[480];
    for (int i = 0; i < square.length; i++) {
      square[i] = (short) (i % 2 == 0 ? 32767 : -32768);
    }
    assertThat(AudioLevels.rms(square)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(AudioLevels.rms(new short[480])).isZero();
  }
}

package io.github.jrtc.internal.pcm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmConverterTest {
  /** 10 ms chunks of a stereo 440 Hz tone at {@code rate}, left and right equal. */
  private static byte[] stereoChunk(int rate, long start) {
    int frames = rate / 100;
    byte[] b = new byte[frames * 4];
    for (int f = 0; f < frames; f++) {
      short s = (short) (10000 * Math.sin(2 * Math.PI * 440 * (start + f) / rate));
      for (int c = 0; c < 2; c++) {
        b[4 * f + 2 * c] = (byte) s;
        b[4 * f + 2 * c + 1] = (byte) (s >> 8);
      }
    }
    return b;
  }

  @Test
  void stereo44100BecomesMono48000WithTheSamePitchAndLevel() {
    PcmConverter c = new PcmConverter(48000, 1);
    short[] all = new short[48000];
    int n = 0;
    for (int chunk = 0; chunk < 100; chunk++) {
      int got = c.convert(stereoChunk(44100, chunk * 441L), 441, 2, 44100);
      assertThat(got).isBetween(479, 481);
      System.arraycopy(c.output(), 0, all, n, Math.min(got, all.length - n));
      n += got;
    }
    assertThat(n).isBetween(47990, 48000);
    int crossings = 0;
    double sum = 0;
    for (int i = 1; i < n; i++) {
      if ((all[i - 1] < 0) != (all[i] < 0)) {
        crossings++;
      }
      sum += (double) all[i] * all[i];
    }
    assertThat(crossings / 2.0).isBetween(435.0, 445.0);
    assertThat(Math.sqrt(sum / n)).isBetween(10000 / Math.sqrt(2) * 0.97, 10000 / Math.sqrt(2));
  }

  @Test
  void monoIsCopiedToEveryOutputChannelAtTheSameRate() {
    PcmConverter c = new PcmConverter(48000, 2);
    int got = c.convert(new short[] {1, 2, 3}, 3, 1, 48000);
    assertThat(got).isEqualTo(6);
    assertThat(c.output()).startsWith((short) 1, (short) 1, (short) 2, (short) 2, (short) 3);
  }

  @Test
  void ringTrimKeepsTheNewestSamples() {
    PcmRing r = new PcmRing(10);
    r.write(new short[] {1, 2, 3, 4, 5}, 0, 5);
    assertThat(r.trimTo(2)).isEqualTo(3);
    short[] out = new short[2];
    assertThat(r.read(out)).isEqualTo(2);
    assertThat(out).containsExactly((short) 4, (short) 5);
    assertThat(r.droppedSamples()).isEqualTo(3);
  }
}

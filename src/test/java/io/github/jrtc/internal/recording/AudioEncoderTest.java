package io.github.jrtc.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audio encoder on its own: resampling, the frame FIFO, silence and sample-count timing. */
class AudioEncoderTest {
  @BeforeAll
  static void ffmpeg() {
    assertThat(FfmpegAvailability.problem()).isNull();
  }

  private static short[] tone(int rate, int channels, int frames, long start) {
    short[] s = new short[frames * channels];
    for (int i = 0; i < frames; i++) {
      short v = (short) (10000 * Math.sin(2 * Math.PI * 440 * (start + i) / rate));
      for (int c = 0; c < channels; c++) {
        s[i * channels + c] = v;
      }
    }
    return s;
  }

  @Test
  void opusGetsWholeFramesWithSampleCountTimestamps() {
    for (int[] in : new int[][] {{48000, 1}, {44100, 2}, {16000, 1}}) {
      int rate = in[0];
      int channels = in[1];
      long[] packets = new long[1];
      long[] lastPts = {Long.MIN_VALUE}; // Opus starts before 0 (its pre-skip)
      try (AudioEncoder enc = new AudioEncoder("libopus", 1, 64000, false, false)) {
        assertThat(enc.frameSize()).isEqualTo(960);
        for (int chunk = 0; chunk < 100; chunk++) {
          enc.write(
              tone(rate, channels, rate / 100, (long) chunk * rate / 100),
              0,
              rate / 100,
              rate,
              channels);
          enc.drain(
              (p, tb) -> {
                packets[0]++;
                assertThat(p.pts()).isGreaterThan(lastPts[0]);
                lastPts[0] = p.pts();
              },
              false);
        }
        enc.writeSilence(4800);
        enc.drain((p, tb) -> packets[0]++, true);
        // One second of input plus 100 ms of silence, in 20 ms frames (resampler delay aside).
        assertThat(enc.position()).as("%d Hz", rate).isBetween(52_500L, 52_800L);
        assertThat(packets[0]).as("%d Hz", rate).isBetween(52L, 57L);
      }
    }
  }

  @Test
  void aacTakesPlanarFloatInFramesOf1024() {
    long[] packets = new long[1];
    try (AudioEncoder enc = new AudioEncoder("aac", 2, 128000, false, false)) {
      assertThat(enc.frameSize()).isEqualTo(1024);
      for (int chunk = 0; chunk < 100; chunk++) {
        enc.write(tone(48000, 1, 480, chunk * 480L), 0, 480, 48000, 1);
        enc.drain((p, tb) -> packets[0]++, false);
      }
      enc.drain((p, tb) -> packets[0]++, true);
      assertThat(packets[0]).isBetween(46L, 50L);
    }
  }
}

package io.github.jrtc.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Audio alignment: jitter is ignored, lost audio becomes silence, gaps are filled at once. */
class AudioAlignmentTest {
  private static final int CHUNK = 480;

  @Test
  void arrivalJitterAndBurstsCauseNoCorrection() {
    AudioAlignment a = new AudioAlignment();
    Random random = new Random(17);
    assertThat(a.correction(0, 0)).isZero();
    long position = 0;
    for (int i = 1; i < 3000; i++) {
      // Each chunk arrives late by 0..15 ms, and every 200th after a 120 ms stall (a burst).
      int k = (i + 100) % 200;
      long late = random.nextInt(15 * 48) + (k < 12 ? (12 - k) * 10 * 48L : 0);
      long expected = (long) i * CHUNK + late;
      assertThat(a.correction(expected, position)).as("chunk %d", i).isZero();
      position += CHUNK;
    }
  }

  @Test
  void theFirstChunkIsPlacedExactly() {
    AudioAlignment a = new AudioAlignment();
    assertThat(a.correction(300, 0)).isEqualTo(300);
    AudioAlignment b = new AudioAlignment();
    assertThat(b.correction(0, 300)).isEqualTo(-300);
  }

  @Test
  void lostChunksBecomeSilenceOnceTheLossPersists() {
    AudioAlignment a = new AudioAlignment();
    long position = 0;
    long inserted = 0;
    for (int i = 0; i < 400; i++) {
      if (i % 20 == 0 && i > 0) {
        continue; // a chunk lost every 200 ms
      }
      long c = a.correction((long) i * CHUNK, position);
      assertThat(c).isGreaterThanOrEqualTo(0);
      position += c + CHUNK;
      inserted += c;
      // Off by at most the threshold plus what is lost during the window (2.5 chunks of 10 ms).
      assertThat(Math.abs((long) i * CHUNK - (position - CHUNK)))
          .as("never more than 50 ms off")
          .isLessThanOrEqualTo(AudioAlignment.THRESHOLD + 30 * 48);
    }
    // 19 chunks lost; all but the last 50 ms of that were made up with silence.
    assertThat(inserted).isGreaterThanOrEqualTo(19L * CHUNK - AudioAlignment.THRESHOLD - 30 * 48);
  }

  @Test
  void aGapIsFilledAtOnceAndAudioAheadIsDropped() {
    AudioAlignment a = new AudioAlignment();
    long position = 0;
    for (int i = 0; i < 20; i++) {
      assertThat(a.correction((long) i * CHUNK, position)).isZero();
      position += CHUNK;
    }
    // The source stops for a second.
    assertThat(a.correction(position + 48_000, position)).isEqualTo(48_000);
    position += 48_000;
    // Then it runs 30 ms ahead of the clock for a while: that much is dropped.
    long dropped = 0;
    long clock = position - 30 * 48;
    for (int i = 0; i < 60; i++) {
      long c = a.correction(clock, position);
      assertThat(c).isLessThanOrEqualTo(0);
      dropped -= c;
      position += CHUNK + c;
      clock += CHUNK;
    }
    assertThat(dropped).isEqualTo(30 * 48);
  }
}

package io.github.jrtc.internal.pcm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PcmRingTest {
  @Test
  void readsInOrderAndFillsMissingWithSilence() {
    PcmRing ring = new PcmRing(8);
    ring.write(new short[] {1, 2, 3}, 0, 3);
    short[] out = new short[5];
    assertThat(ring.read(out)).isEqualTo(3);
    assertThat(out).containsExactly(1, 2, 3, 0, 0);
    assertThat(ring.silentSamples()).isEqualTo(2);
  }

  @Test
  void overflowDropsTheOldestSamples() {
    PcmRing ring = new PcmRing(4);
    ring.write(new short[] {1, 2, 3, 4, 5, 6}, 0, 6);
    short[] out = new short[4];
    ring.read(out);
    assertThat(out).containsExactly(3, 4, 5, 6);
    assertThat(ring.droppedSamples()).isEqualTo(2);
  }

  @Test
  void wrapsAround() {
    PcmRing ring = new PcmRing(4);
    short[] out = new short[3];
    ring.write(new short[] {1, 2, 3}, 0, 3);
    ring.read(out);
    ring.write(new short[] {4, 5, 6}, 0, 3);
    ring.read(out);
    assertThat(out).containsExactly(4, 5, 6);
    assertThat(ring.size()).isZero();
  }
}

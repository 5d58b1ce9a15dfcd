package io.github.jrtc.internal.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestFramePacerTest {
  private final List<Integer> delivered = new ArrayList<>();
  private final List<Integer> released = new ArrayList<>();
  private final LatestFramePacer<Integer> pacer =
      new LatestFramePacer<>(30, delivered::add, released::add);

  @Test
  void theNewestFrameWinsAndEveryOlderOneIsReleased() {
    for (int i = 0; i < 100; i++) {
      pacer.push(i);
    }
    assertThat(pacer.tick()).isTrue();
    assertThat(delivered).containsExactly(99);
    assertThat(released).hasSize(99).doesNotContain(99);
    assertThat(pacer.droppedFrames()).isEqualTo(99);
    assertThat(pacer.pushedFrames()).isEqualTo(100);
    assertThat(pacer.deliveredFrames()).isEqualTo(1);
  }

  @Test
  void aTickWithoutANewFrameDeliversNothing() {
    pacer.push(1);
    pacer.tick();
    assertThat(pacer.tick()).isFalse();
    assertThat(delivered).containsExactly(1);
  }

  @Test
  void oneFramePerTickWhenPushedAtTheSameRate() {
    for (int i = 0; i < 10; i++) {
      pacer.push(i);
      pacer.tick();
    }
    assertThat(delivered).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(released).isEmpty();
  }

  @Test
  void closeReleasesTheWaitingFrameAndLaterPushes() {
    pacer.push(1);
    pacer.close();
    pacer.push(2);
    assertThat(released).containsExactly(1, 2);
    assertThat(pacer.tick()).isFalse();
    pacer.close();
    assertThat(released).containsExactly(1, 2);
  }

  @Test
  void theIntervalFollowsTheFrameRate() {
    assertThat(pacer.intervalNanos()).isEqualTo(33_333_333L);
    assertThatThrownBy(() -> new LatestFramePacer<Integer>(0, x -> {}, x -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePacingThreadDeliversAtTheConfiguredRateWhilePushedFaster() throws Exception {
    List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicInteger freed =
        new java.util.concurrent.atomic.AtomicInteger();
    LatestFramePacer<Integer> p =
        new LatestFramePacer<>(20, seen::add, x -> freed.incrementAndGet());
    p.start("test-pacer");
    long end = System.nanoTime() + 1_000_000_000L;
    int i = 0;
    while (System.nanoTime() < end) {
      p.push(i++);
      Thread.sleep(0, 200_000);
    }
    p.close();
    // Never more than the rate allows (one extra for the tick at t=0), and every frame accounted.
    assertThat(seen.size()).isBetween(10, 22);
    assertThat(seen.size() + freed.get()).isEqualTo(i);
    assertThat(seen).isSorted();
  }
}

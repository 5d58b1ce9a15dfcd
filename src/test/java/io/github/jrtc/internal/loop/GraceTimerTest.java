package io.github.jrtc.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The grace for a caller off every queue that never looks at its promise: it ends on time for a
 * caller that runs or sleeps, and waits (up to its maximum) for one that is runnable but has not
 * had the processor since the outcome was held, as on a machine with every core busy.
 */
class GraceTimerTest {
  private static final long GRACE_MS = 20;
  private static final long STARVED_MAX_MS = 400;

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final SerialEventQueue queue = new SerialEventQueue("grace-test", pool);

  /** A caller whose state and processor time the test sets. */
  private static final class FakeProgress implements CallerProgress {
    final AtomicLong cpu = new AtomicLong(1_000_000);
    final AtomicBoolean runnable = new AtomicBoolean(true);

    @Override
    public long cpuNanos(Thread caller) {
      return cpu.get();
    }

    @Override
    public boolean runnable(Thread caller) {
      return runnable.get();
    }
  }

  private final FakeProgress progress = new FakeProgress();
  private final GraceTimer timer =
      new GraceTimer(
          "grace-test-timer",
          TimeUnit.MILLISECONDS.toNanos(GRACE_MS),
          TimeUnit.MILLISECONDS.toNanos(STARVED_MAX_MS),
          progress);

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  /** Holds an outcome, returns from the "call" off every queue, never looks: ms until it passed. */
  private long heldOutcomePassesAfterMillis(Runnable meanwhile) throws InterruptedException {
    ReturnGate gate = new ReturnGate(queue, timer);
    CountDownLatch passed = new CountDownLatch(1);
    long start = System.nanoTime();
    gate.pass(passed::countDown);
    gate.returned(false);
    meanwhile.run();
    assertThat(passed.await(5, TimeUnit.SECONDS)).isTrue();
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  void aCallerThatRunsOnGetsTheOutcomeAfterTheGrace() throws Exception {
    long ms = heldOutcomePassesAfterMillis(() -> progress.cpu.addAndGet(5_000_000));
    assertThat(ms).isGreaterThanOrEqualTo(GRACE_MS).isLessThan(STARVED_MAX_MS);
  }

  @Test
  void aCallerThatSleepsOrWaitsGetsTheOutcomeAfterTheGrace() throws Exception {
    progress.runnable.set(false);
    long ms = heldOutcomePassesAfterMillis(() -> {});
    assertThat(ms).isGreaterThanOrEqualTo(GRACE_MS).isLessThan(STARVED_MAX_MS);
  }

  @Test
  void aStarvedCallerIsWaitedForUntilItRuns() throws Exception {
    long ms =
        heldOutcomePassesAfterMillis(
            () -> {
              try {
                Thread.sleep(150);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              // The caller gets a core at last and runs on without looking.
              progress.cpu.addAndGet(5_000_000);
            });
    assertThat(ms).isGreaterThanOrEqualTo(150).isLessThan(STARVED_MAX_MS);
  }

  @Test
  void aCallerStarvedForeverIsWaitedForAtMostTheMaximum() throws Exception {
    long ms = heldOutcomePassesAfterMillis(() -> {});
    assertThat(ms).isGreaterThanOrEqualTo(STARVED_MAX_MS).isLessThan(STARVED_MAX_MS + 1000);
  }

  @Test
  void aStarvedCallerThatLooksOpensAtOnce() throws Exception {
    ReturnGate gate = new ReturnGate(queue, timer);
    CountDownLatch passed = new CountDownLatch(1);
    gate.pass(passed::countDown);
    gate.returned(false);
    Thread.sleep(100);
    assertThat(passed.getCount()).as("held past the grace while starved").isEqualTo(1);
    long start = System.nanoTime();
    gate.looked(false);
    assertThat(passed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100);
  }
}

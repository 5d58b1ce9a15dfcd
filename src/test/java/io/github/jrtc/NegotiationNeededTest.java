package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The negotiation-needed flag and its debounce, with a hand-driven clock, scheduler and queue: no
 * connection, no threads.
 */
class NegotiationNeededTest {
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  private final AtomicLong clock = new AtomicLong(1_000 * MS);
  private final List<Runnable> queued = new ArrayList<>();
  private final List<Runnable> scheduled = new ArrayList<>();
  private final List<Long> delays = new ArrayList<>();
  private final AtomicBoolean onQueue = new AtomicBoolean();
  private final AtomicBoolean allowed = new AtomicBoolean(true);
  private final AtomicInteger fired = new AtomicInteger();
  private final NegotiationNeeded negotiation =
      new NegotiationNeeded(
          clock::get,
          (task, delay) -> {
            scheduled.add(task);
            delays.add(delay);
          },
          onQueue::get,
          queued::add,
          allowed::get,
          fired::incrementAndGet);

  /** Runs the queued tasks as the event queue would, one at a time, in order. */
  private void runQueue() {
    onQueue.set(true);
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
    onQueue.set(false);
  }

  @Test
  void aReportFiresOnceOnTheQueueAndClearsTheFlag() {
    negotiation.raised();
    assertThat(fired).hasValue(0);
    assertThat(negotiation.reportsSoFar()).isEqualTo(1);
    runQueue();
    assertThat(fired).hasValue(1);
    assertThat(negotiation.isNeeded()).isFalse();
    negotiation.maybeFire();
    assertThat(fired).as("fired once per need").hasValue(1);
  }

  @Test
  void whileNotAllowedTheNeedWaitsForTheNextCheck() {
    allowed.set(false);
    negotiation.raised();
    runQueue();
    assertThat(fired).hasValue(0);
    assertThat(negotiation.isNeeded()).isTrue();
    allowed.set(true);
    negotiation.maybeFire();
    assertThat(fired).hasValue(1);
  }

  @Test
  void aBurstOffTheQueueDelaysTheEventUntilItWentQuiet() {
    negotiation.noteChange();
    clock.addAndGet(5 * MS);
    negotiation.raised();
    runQueue();
    assertThat(fired).as("5 ms after the last change").hasValue(0);
    assertThat(delays).containsExactly(NegotiationNeeded.QUIET_NANOS - 5 * MS);

    clock.addAndGet(3 * MS);
    negotiation.noteChange(); // the burst goes on
    negotiation.maybeFire();
    assertThat(scheduled).as("one re-check at a time").hasSize(1);

    clock.addAndGet(15 * MS);
    scheduled.remove(0).run();
    assertThat(fired).as("the re-check only posts").hasValue(0);
    runQueue();
    assertThat(fired).as("15 ms after the last change: still busy").hasValue(0);
    assertThat(delays).containsExactly(NegotiationNeeded.QUIET_NANOS - 5 * MS, 5 * MS);

    clock.addAndGet(5 * MS);
    scheduled.remove(0).run();
    runQueue();
    assertThat(fired).hasValue(1);
  }

  @Test
  void changesMadeOnTheQueueDoNotDelayTheEvent() {
    onQueue.set(true);
    negotiation.noteChange();
    onQueue.set(false);
    negotiation.raised();
    runQueue();
    assertThat(fired).hasValue(1);
    assertThat(scheduled).isEmpty();
  }

  @Test
  void anAppliedDescriptionAnswersOnlyTheReportsMadeBeforeIt() {
    allowed.set(false); // not stable: nothing fires meanwhile
    negotiation.raised();
    runQueue();
    long before = negotiation.reportsSoFar();
    negotiation.descriptionApplied(before);
    assertThat(negotiation.isNeeded()).as("answered by this exchange").isFalse();

    before = negotiation.reportsSoFar();
    negotiation.raised(); // libwebrtc raises it while applying the answer
    runQueue();
    negotiation.descriptionApplied(before);
    assertThat(negotiation.isNeeded()).as("raised after the description was handed over").isTrue();
    allowed.set(true);
    negotiation.maybeFire();
    assertThat(fired).hasValue(1);
  }

  @Test
  void theSharedSchedulerRunsTheTaskAfterTheDelay() throws Exception {
    java.util.concurrent.CountDownLatch ran = new java.util.concurrent.CountDownLatch(1);
    long start = System.nanoTime();
    NegotiationNeeded.SHARED.schedule(ran::countDown, 10 * MS);
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(10 * MS);
  }
}

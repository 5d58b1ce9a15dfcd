package io.github.jrtc.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.DOMException;
import io.github.jrtc.internal.spec.Errors;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The chain: who settles (the queue, after re-checking closed, never during the call), who starts
 * the next operation, and when nothing settles.
 */
class OperationsChainTest {
  private final ExecutorService pool =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "queue-thread"));
  private final SerialEventQueue queue = new SerialEventQueue("test", pool);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger emptied = new AtomicInteger();
  private final OperationsChain chain =
      new OperationsChain(queue, closed::get, emptied::incrementAndGet);

  /** A chain whose grace never ends within a test: only the caller can open its gates. */
  private static final GraceTimer NO_GRACE =
      new GraceTimer("no-grace", TimeUnit.MINUTES.toNanos(10));

  private final OperationsChain graceless =
      new OperationsChain(queue, closed::get, emptied::incrementAndGet, () -> true, NO_GRACE);

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  private static void onNativeThread(Runnable r) throws InterruptedException {
    Thread t = new Thread(r, "fake-signaling-thread");
    t.start();
    t.join();
  }

  @Test
  void settlesOnTheQueueAndStartsTheNextOperationThere() throws Exception {
    CompletableFuture<String> first = new CompletableFuture<>();
    List<String> startedOn = new CopyOnWriteArrayList<>();
    CompletableFuture<String> p1 = chain.chain("test", () -> first);
    CompletableFuture<String> settledOn = new CompletableFuture<>();
    CompletableFuture<Void> unused =
        p1.thenRun(() -> settledOn.complete(Thread.currentThread().getName()));
    CompletableFuture<String> p2 =
        chain.chain(
            "test",
            () -> {
              startedOn.add(Thread.currentThread().getName());
              return CompletableFuture.completedFuture("second");
            });
    onNativeThread(() -> first.complete("first"));
    assertThat(settledOn.get(5, TimeUnit.SECONDS)).isEqualTo("queue-thread");
    assertThat(p1.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(p2.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(startedOn).containsExactly("queue-thread");
  }

  // libwebrtc's createAnswer callback usually runs before the caller is back from the native
  // call; with the queue idle, nothing may settle the promise until the call has returned.
  @Test
  void aResultThatBeatsTheCallBackIsHeldUntilTheCallReturned() throws Exception {
    AtomicInteger settledDuringCall = new AtomicInteger(-1);
    CompletableFuture<String> p =
        chain.chain("test", () -> new CompletesOnANativeThreadWhenObserved(settledDuringCall));
    assertThat(settledDuringCall).as("settles (and empties the chain) during the call").hasValue(0);
    assertThat(p.get(5, TimeUnit.SECONDS)).isEqualTo("answer");
    org.awaitility.Awaitility.await().until(() -> emptied.get() == 1);
  }

  /**
   * Completes on a "native" thread as soon as the chain attaches to it, then lets the queue run.
   */
  private final class CompletesOnANativeThreadWhenObserved extends CompletableFuture<String> {
    private final AtomicInteger settledDuringCall;

    CompletesOnANativeThreadWhenObserved(AtomicInteger settledDuringCall) {
      this.settledDuringCall = settledDuringCall;
    }

    @Override
    public CompletableFuture<String> whenComplete(
        java.util.function.BiConsumer<? super String, ? super Throwable> action) {
      CompletableFuture<String> out = super.whenComplete(action);
      try {
        onNativeThread(() -> complete("answer"));
        for (int i = 0; i < 2; i++) {
          CountDownLatch drained = new CountDownLatch(1);
          queue.execute(drained::countDown);
          drained.await(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      settledDuringCall.set(emptied.get());
      return out;
    }
  }

  // Issue 15, item 2: {@code p = createAnswer(); close();} off the queue with the answer ready
  // during the call: nothing settles until the caller looks at p, and by then it closed.
  @Test
  void callThenCloseOffTheQueueNeverSettles() throws Exception {
    for (int i = 0; i < 50; i++) {
      closed.set(false);
      CompletableFuture<String> p =
          chain.chain("test", () -> CompletableFuture.completedFuture("answer"));
      Thread.sleep(1); // a descheduled caller: the queue is free to run meanwhile
      closed.set(true);
      CountDownLatch drained = new CountDownLatch(1);
      queue.execute(drained::countDown);
      assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(p).isNotDone();
    }
  }

  // A caller off the queue that never looks at its promise still gets it settled, after the grace.
  @Test
  void anUnwatchedPromiseSettlesAfterTheGrace() throws Exception {
    // Taken before the call: the grace timer starts inside it, so a caller descheduled between
    // the call and this line cannot make the settle look early.
    long t0 = System.nanoTime();
    CompletableFuture<String> p =
        chain.chain("test", () -> CompletableFuture.completedFuture("answer"));
    org.awaitility.Awaitility.await()
        .pollInterval(java.time.Duration.ofMillis(2))
        .until(() -> emptied.get() == 1);
    assertThat(System.nanoTime() - t0)
        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(ReturnGate.GRACE_MILLIS / 2));
    assertThat(p.getNow("not yet")).isEqualTo("answer");
  }

  // pcA's callback calls pcB and relays B's promise with thenCompose, which never looks at it: the
  // calling task's end is the boundary, not the grace period.
  @Test
  void aCallFromAnotherConnectionsTaskSettlesWhenThatTaskEnds() throws Exception {
    ExecutorService otherPool = Executors.newSingleThreadExecutor(r -> new Thread(r, "other"));
    try {
      SerialEventQueue other = new SerialEventQueue("other", otherPool);
      AtomicBoolean settledInCallersTask = new AtomicBoolean();
      CompletableFuture<Long> returnedAt = new CompletableFuture<>();
      CompletableFuture<Long> settledAt = new CompletableFuture<>();
      AtomicBoolean inTask = new AtomicBoolean();
      other.execute(
          () -> {
            inTask.set(true);
            CompletableFuture<String> relayed =
                CompletableFuture.completedFuture("go")
                    .thenCompose(
                        v ->
                            graceless.chain(
                                "test", () -> CompletableFuture.completedFuture("done")));
            CompletableFuture<Void> unused =
                relayed.thenRun(
                    () -> {
                      settledInCallersTask.set(inTask.get());
                      settledAt.complete(System.nanoTime());
                    });
            // Give the queue time to settle it, were the gate open during this task.
            sleepMillis(50);
            inTask.set(false);
            returnedAt.complete(System.nanoTime());
          });
      // Settles at all (no grace here), and only once the calling task was over.
      assertThat(settledAt.get(5, TimeUnit.SECONDS)).isGreaterThan(returnedAt.get());
      assertThat(settledInCallersTask).isFalse();
    } finally {
      otherPool.shutdownNow();
    }
  }

  // f.thenCompose(v -> pc.setLocalDescription(d)) whose function ran inline on the caller's thread
  // (f was already complete): the relay looks at the promise only through toCompletableFuture().
  @Test
  void aPromiseRelayedByThenComposeOffTheQueueDoesNotWaitOutTheGrace() throws Exception {
    CompletableFuture<String> relayed =
        CompletableFuture.completedFuture("go")
            .thenCompose(
                v -> graceless.chain("test", () -> CompletableFuture.completedFuture("done")));
    // Only the relay's look can open the gate of a graceless chain.
    assertThat(relayed.get(5, TimeUnit.SECONDS)).isEqualTo("done");
  }

  // A handler of one connection blocking on another's promise: its task never ends by itself.
  @Test
  void aBlockingWaitInAnotherConnectionsTaskIsServed() throws Exception {
    ExecutorService otherPool = Executors.newSingleThreadExecutor(r -> new Thread(r, "other"));
    try {
      SerialEventQueue other = new SerialEventQueue("other", otherPool);
      CompletableFuture<String> got = new CompletableFuture<>();
      other.execute(
          () -> {
            try {
              got.complete(
                  chain
                      .chain("test", () -> CompletableFuture.completedFuture("done"))
                      .get(5, TimeUnit.SECONDS));
            } catch (Exception e) {
              got.completeExceptionally(e);
            }
          });
      assertThat(got.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    } finally {
      otherPool.shutdownNow();
    }
  }

  // createAnswer's usual case: libwebrtc answered before the call returned; the caller then blocks
  // in get(). It is awake already, so the settle runs on it, as a task of the queue.
  @Test
  void aHeldOutcomeSettlesOnTheBlockedCallerWhenTheQueueIsIdle() throws Exception {
    AtomicInteger submitted = new AtomicInteger();
    java.util.concurrent.Executor counting =
        r -> {
          submitted.incrementAndGet();
          pool.execute(r);
        };
    SerialEventQueue q = new SerialEventQueue("counted", counting);
    OperationsChain c = new OperationsChain(q, closed::get, () -> {}, () -> false, NO_GRACE);
    CompletableFuture<String> p = c.chain("test", () -> CompletableFuture.completedFuture("x"));
    assertThat(p.get(5, TimeUnit.SECONDS)).isEqualTo("x");
    assertThat(submitted).as("no pool thread woken").hasValue(0);
  }

  @Test
  void aHeldOutcomeWaitsItsTurnWhenTheQueueIsBusy() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocking = new CountDownLatch(1);
    queue.execute(
        () -> {
          blocking.countDown();
          try {
            release.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    assertThat(blocking.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<String> p =
        graceless.chain("test", () -> CompletableFuture.completedFuture("x"));
    CompletableFuture<String> got =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return p.get(5, TimeUnit.SECONDS);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    sleepMillis(100);
    assertThat(got).as("settles behind the running task, not beside it").isNotDone();
    release.countDown();
    assertThat(got.get(5, TimeUnit.SECONDS)).isEqualTo("x");
  }

  private static void sleepMillis(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void operationsStillRunOneAtATimeInCallOrder() throws Exception {
    List<CompletableFuture<Integer>> natives = new CopyOnWriteArrayList<>();
    List<Integer> started = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Integer>> promises = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      promises.add(
          chain.chain(
              "test",
              () -> {
                started.add(n);
                CompletableFuture<Integer> f = new CompletableFuture<>();
                natives.add(f);
                return f;
              }));
    }
    for (int i = 0; i < 10; i++) {
      int n = i;
      org.awaitility.Awaitility.await().until(() -> natives.size() == n + 1);
      assertThat(started).as("only the running operation has started").hasSize(n + 1);
      onNativeThread(() -> natives.get(n).complete(n));
    }
    for (int i = 0; i < 10; i++) {
      assertThat(promises.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i);
    }
    assertThat(started).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    org.awaitility.Awaitility.await().until(() -> emptied.get() == 1);
  }

  @Test
  void nothingSettlesOnceClosed() throws Exception {
    CompletableFuture<String> nativeResult = new CompletableFuture<>();
    CompletableFuture<String> p = chain.chain("test", () -> nativeResult);
    CompletableFuture<String> dependent = p.thenApply(v -> v);
    closed.set(true);
    onNativeThread(() -> nativeResult.complete("late"));
    CountDownLatch drained = new CountDownLatch(1);
    queue.execute(drained::countDown);
    assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(p).isNotDone();
    assertThat(dependent).isNotDone();
    assertThat(emptied).hasValue(0);
  }

  // WPT "createAnswer() when connection is closed in parallel": JS calls createAnswer() and close()
  // in one task. Here the native result arrives while that task still runs, before its close().
  @Test
  void calledFromAQueueTaskThatThenClosesItNeverSettles() throws Exception {
    CompletableFuture<String> nativeResult = new CompletableFuture<>();
    CompletableFuture<CompletableFuture<String>> inTask = new CompletableFuture<>();
    queue.execute(
        () -> {
          CompletableFuture<String> p = chain.chain("test", () -> nativeResult);
          try {
            onNativeThread(() -> nativeResult.complete("too late"));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          closed.set(true);
          inTask.complete(p);
        });
    CompletableFuture<String> p = inTask.get(5, TimeUnit.SECONDS);
    CountDownLatch drained = new CountDownLatch(1);
    queue.execute(drained::countDown);
    assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(p).isNotDone();
  }

  @Test
  void aFailureKeepsItsDomExceptionName() throws Exception {
    CompletableFuture<String> nativeResult = new CompletableFuture<>();
    CompletableFuture<String> p = chain.chain("test", () -> nativeResult.thenApply(v -> v));
    onNativeThread(
        () -> nativeResult.completeExceptionally(Errors.invalidModification("not this one")));
    try {
      p.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(DOMException.class);
      assertThat(((DOMException) e.getCause()).name()).isEqualTo("InvalidModificationError");
    }
  }

  @Test
  void aFailureDecidedDuringTheCallIsDeliveredFromTheQueue() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    queue.execute(
        () -> {
          try {
            hold.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    CompletableFuture<String> p =
        chain.chain(
            "test", () -> CompletableFuture.failedFuture(Errors.invalidState("wrong state")));
    Thread.sleep(20);
    assertThat(p).as("never rejected before the caller has it").isNotDone();
    hold.countDown();
    assertThat(p.handle((v, e) -> e).get(5, TimeUnit.SECONDS)).isInstanceOf(DOMException.class);
  }

  @Test
  void aClosedChainRejectsWithInvalidStateFromTheQueue() throws Exception {
    closed.set(true);
    CompletableFuture<String> p = chain.chain("test", CompletableFuture::new);
    try {
      p.get(5, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure");
    } catch (ExecutionException e) {
      assertThat(((DOMException) e.getCause()).name()).isEqualTo("InvalidStateError");
    }
  }

  @Test
  void anEmptyCheckWithNothingToDoIsNotQueued() throws Exception {
    AtomicBoolean wanted = new AtomicBoolean();
    OperationsChain quiet =
        new OperationsChain(queue, closed::get, emptied::incrementAndGet, wanted::get);
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<String> p1 = quiet.chain("test", () -> first);
    onNativeThread(() -> first.complete("a"));
    p1.get(5, TimeUnit.SECONDS);
    wanted.set(true);
    CompletableFuture<String> second = new CompletableFuture<>();
    CompletableFuture<String> p2 = quiet.chain("test", () -> second);
    onNativeThread(() -> second.complete("b"));
    p2.get(5, TimeUnit.SECONDS);
    org.awaitility.Awaitility.await().until(() -> emptied.get() == 1);
    CountDownLatch drained = new CountDownLatch(1);
    queue.execute(drained::countDown);
    assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(emptied).as("only the settle that had something to re-check").hasValue(1);
  }
}

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

/** The chain's direct-settling path: who settles, who starts the next operation, and when not. */
class OperationsChainTest {
  private final ExecutorService pool =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "queue-thread"));
  private final SerialEventQueue queue = new SerialEventQueue("test", pool);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger emptied = new AtomicInteger();
  private final OperationsChain chain =
      new OperationsChain(queue, closed::get, emptied::incrementAndGet);

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
  void settlesOnTheCompletingThreadAndStartsTheNextOperationOnTheQueue() throws Exception {
    CompletableFuture<String> first = new CompletableFuture<>();
    List<String> startedOn = new CopyOnWriteArrayList<>();
    CompletableFuture<String> p1 = chain.chainSettlingDirectly(() -> first);
    CompletableFuture<String> p2 =
        chain.chain(
            () -> {
              startedOn.add(Thread.currentThread().getName());
              return CompletableFuture.completedFuture("second");
            });
    CompletableFuture<String> settledOn = new CompletableFuture<>();
    onNativeThread(
        () -> {
          first.complete("first");
          settledOn.complete(p1.isDone() ? Thread.currentThread().getName() : "not yet");
        });
    assertThat(settledOn.get()).isEqualTo("fake-signaling-thread");
    assertThat(p1.get(5, TimeUnit.SECONDS)).isEqualTo("first");
    assertThat(p2.get(5, TimeUnit.SECONDS)).isEqualTo("second");
    assertThat(startedOn).containsExactly("queue-thread");
  }

  @Test
  void aResultThatBeatsTheCallBackSettlesOnTheCallerAndDependentsStillRunOnTheQueue()
      throws Exception {
    CompletableFuture<String> p1 =
        chain.chainSettlingDirectly(() -> CompletableFuture.completedFuture("answer"));
    // Settled before the call returned: a caller blocked in get() needs no wake-up at all.
    assertThat(p1.getNow(null)).isEqualTo("answer");
    CompletableFuture<String> ranOn = new CompletableFuture<>();
    CompletableFuture<Void> unused1 =
        p1.thenRun(() -> ranOn.complete(Thread.currentThread().getName()));
    assertThat(ranOn.get(5, TimeUnit.SECONDS)).isEqualTo("queue-thread");
    // A failure decided at call time still goes through the queue.
    CompletableFuture<String> p2 =
        chain.chainSettlingDirectly(
            () -> CompletableFuture.failedFuture(Errors.invalidState("wrong state")));
    CompletableFuture<String> failedOn = new CompletableFuture<>();
    CompletableFuture<String> unused2 =
        p2.whenComplete((v, e) -> failedOn.complete(Thread.currentThread().getName()));
    assertThat(failedOn.get(5, TimeUnit.SECONDS)).isEqualTo("queue-thread");
    assertThat(p2.handle((v, e) -> e).get(5, TimeUnit.SECONDS)).isInstanceOf(DOMException.class);
  }

  @Test
  void operationsStillRunOneAtATimeInCallOrder() throws Exception {
    List<CompletableFuture<Integer>> natives = new CopyOnWriteArrayList<>();
    List<Integer> started = new CopyOnWriteArrayList<>();
    List<CompletableFuture<Integer>> promises = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int n = i;
      promises.add(
          chain.chainSettlingDirectly(
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
    CompletableFuture<String> p = chain.chainSettlingDirectly(() -> nativeResult);
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
          CompletableFuture<String> p = chain.chainSettlingDirectly(() -> nativeResult);
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
    CompletableFuture<String> p = chain.chainSettlingDirectly(() -> nativeResult.thenApply(v -> v));
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
        chain.chainSettlingDirectly(
            () -> CompletableFuture.failedFuture(Errors.invalidState("wrong state")));
    Thread.sleep(20);
    assertThat(p).as("never rejected before the caller has it").isNotDone();
    hold.countDown();
    assertThat(p.handle((v, e) -> e).get(5, TimeUnit.SECONDS)).isInstanceOf(DOMException.class);
  }

  @Test
  void aClosedChainRejectsWithInvalidStateFromTheQueue() throws Exception {
    closed.set(true);
    CompletableFuture<String> p = chain.chainSettlingDirectly(CompletableFuture::new);
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
    CompletableFuture<String> p1 = quiet.chainSettlingDirectly(() -> first);
    onNativeThread(() -> first.complete("a"));
    p1.get(5, TimeUnit.SECONDS);
    wanted.set(true);
    CompletableFuture<String> second = new CompletableFuture<>();
    CompletableFuture<String> p2 = quiet.chainSettlingDirectly(() -> second);
    onNativeThread(() -> second.complete("b"));
    p2.get(5, TimeUnit.SECONDS);
    org.awaitility.Awaitility.await().until(() -> emptied.get() == 1);
    CountDownLatch drained = new CountDownLatch(1);
    queue.execute(drained::countDown);
    assertThat(drained.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(emptied).as("only the settle that had something to re-check").hasValue(1);
  }
}

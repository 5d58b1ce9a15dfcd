package io.github.jrtc.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dependents of an {@link EventQueueFuture} run on the queue, whoever completes or attaches. */
class EventQueueFutureTest {
  private final ExecutorService pool =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "queue-thread"));
  private final SerialEventQueue queue = new SerialEventQueue("test", pool);

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
  }

  /** Every non-async dependent method, each recording the thread it ran on. */
  private static Map<String, CompletableFuture<String>> attachAll(
      CompletableFuture<String> f, CompletableFuture<String> other) {
    Function<Object, String> here = v -> Thread.currentThread().getName();
    Map<String, CompletableFuture<String>> where = new ConcurrentHashMap<>();
    where.put("thenApply", f.thenApply(here));
    CompletableFuture<String> accept = new CompletableFuture<>();
    CompletableFuture<Void> unused1 = f.thenAccept(v -> accept.complete(here.apply(v)));
    where.put("thenAccept", accept);
    CompletableFuture<String> run = new CompletableFuture<>();
    CompletableFuture<Void> unused2 = f.thenRun(() -> run.complete(here.apply(null)));
    where.put("thenRun", run);
    where.put("thenCompose", f.thenCompose(v -> CompletableFuture.completedFuture(here.apply(v))));
    CompletableFuture<String> when = new CompletableFuture<>();
    CompletableFuture<String> unused3 = f.whenComplete((v, e) -> when.complete(here.apply(v)));
    where.put("whenComplete", when);
    where.put("handle", f.handle((v, e) -> here.apply(v)));
    where.put("thenCombine", f.thenCombine(other, (a, b) -> here.apply(a)));
    CompletableFuture<String> both = new CompletableFuture<>();
    CompletableFuture<Void> unused4 =
        f.thenAcceptBoth(other, (a, b) -> both.complete(here.apply(a)));
    where.put("thenAcceptBoth", both);
    CompletableFuture<String> afterBoth = new CompletableFuture<>();
    CompletableFuture<Void> unused5 =
        f.runAfterBoth(other, () -> afterBoth.complete(here.apply(null)));
    where.put("runAfterBoth", afterBoth);
    where.put("applyToEither", f.applyToEither(other, here::apply));
    CompletableFuture<String> eitherAccept = new CompletableFuture<>();
    CompletableFuture<Void> unused6 =
        f.acceptEither(other, v -> eitherAccept.complete(here.apply(v)));
    where.put("acceptEither", eitherAccept);
    CompletableFuture<String> eitherRun = new CompletableFuture<>();
    CompletableFuture<Void> unused7 =
        f.runAfterEither(other, () -> eitherRun.complete(here.apply(null)));
    where.put("runAfterEither", eitherRun);
    where.put("thenApplyAsync (default executor)", f.thenApplyAsync(here));
    // A dependent of a dependent: derived futures keep the rule.
    where.put("thenApply.thenApply", f.thenApply(v -> v).thenApply(here));
    return where;
  }

  private static void assertAllOn(Map<String, CompletableFuture<String>> where) throws Exception {
    assertThat(where).hasSize(14);
    for (Map.Entry<String, CompletableFuture<String>> e : where.entrySet()) {
      assertThat(e.getValue().get(5, TimeUnit.SECONDS)).as(e.getKey()).isEqualTo("queue-thread");
    }
  }

  @Test
  void dependentsNeverRunOnTheCompletingThread() throws Exception {
    EventQueueFuture<String> f = new EventQueueFuture<>(queue);
    CompletableFuture<String> other = new CompletableFuture<>();
    Map<String, CompletableFuture<String>> where = attachAll(f, other);
    Thread nativeThread =
        new Thread(
            () -> {
              other.complete("o");
              f.complete("v");
            },
            "fake-signaling-thread");
    nativeThread.start();
    nativeThread.join();
    assertAllOn(where);
  }

  @Test
  void dependentsAttachedAfterCompletionDoNotRunInTheAttachingCall() throws Exception {
    EventQueueFuture<String> f = new EventQueueFuture<>(queue);
    f.complete("v");
    assertAllOn(attachAll(f, CompletableFuture.completedFuture("o")));
  }

  @Test
  void failuresReachExceptionallyAndExceptionallyComposeOnTheQueue() throws Exception {
    EventQueueFuture<String> f = new EventQueueFuture<>(queue);
    CompletableFuture<String> a = f.exceptionally(e -> Thread.currentThread().getName());
    CompletableFuture<String> b =
        f.exceptionallyCompose(
            e -> CompletableFuture.completedFuture(Thread.currentThread().getName()));
    Thread nativeThread =
        new Thread(() -> f.completeExceptionally(new IllegalStateException()), "fake-native");
    nativeThread.start();
    assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo("queue-thread");
    assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo("queue-thread");
  }

  @Test
  void aWaitingCallerWakesWhileTheQueueIsBusy() throws Exception {
    // The point of completing on the native thread: join() does not wait for a queue turn.
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    queue.execute(
        () -> {
          try {
            hold.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    EventQueueFuture<String> f = new EventQueueFuture<>(queue);
    CompletableFuture<String> dependent = f.thenApply(v -> v + "!");
    new Thread(() -> f.complete("v"), "fake-native").start();
    assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo("v");
    Thread.sleep(20);
    assertThat(dependent).as("still waits for its queue turn").isNotDone();
    hold.countDown();
    assertThat(dependent.get(5, TimeUnit.SECONDS)).isEqualTo("v!");
  }

  @Test
  void aCompletionOnAnotherConnectionsQueueRunsItsDependentsBeforeThatQueuesNextTask()
      throws Exception {
    ExecutorService otherPool =
        Executors.newSingleThreadExecutor(r -> new Thread(r, "other-queue-thread"));
    try {
      SerialEventQueue other = new SerialEventQueue("other", otherPool);
      EventQueueFuture<String> f = new EventQueueFuture<>(queue);
      java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
      CompletableFuture<Void> dependent =
          f.thenRun(() -> order.add("dependent on " + Thread.currentThread().getName()));
      CountDownLatch done = new CountDownLatch(1);
      other.execute(
          () -> {
            f.complete("v");
            other.execute(
                () -> {
                  order.add("next task");
                  done.countDown();
                });
          });
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      dependent.get(5, TimeUnit.SECONDS);
      assertThat(order).containsExactly("dependent on other-queue-thread", "next task");
    } finally {
      otherPool.shutdownNow();
    }
  }
}

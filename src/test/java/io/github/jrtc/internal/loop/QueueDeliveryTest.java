package io.github.jrtc.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The one hop policy a connection uses for native outcomes and its own tasks. */
class QueueDeliveryTest {
  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final SerialEventQueue queue = new SerialEventQueue("delivery-test", pool);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final QueueDelivery delivery = new QueueDelivery(queue, closed::get);
  private final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private void onQueueAndWait(Runnable task) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    queue.execute(
        () -> {
          task.run();
          done.complete(null);
        });
    done.get(5, TimeUnit.SECONDS);
  }

  private void drain() throws Exception {
    onQueueAndWait(() -> {});
  }

  @Test
  void anOutcomeSettledBeforeTheCallStillHopsEvenWhenCalledOnTheQueue() throws Exception {
    onQueueAndWait(
        () -> {
          CompletableFuture<String> out =
              delivery.deliver(
                  CompletableFuture.completedFuture("v"),
                  v -> {
                    log.add("then " + v);
                    return v;
                  });
          log.add("call returned, done=" + out.isDone());
        });
    drain();
    assertThat(log).containsExactly("call returned, done=false", "then v");
  }

  @Test
  void anOutcomeSettledLaterInAQueueTaskIsHandledInThatTask() throws Exception {
    CompletableFuture<String> nativeFuture = new CompletableFuture<>();
    CompletableFuture<String> out =
        delivery.deliver(
            nativeFuture,
            v -> {
              log.add("then " + v);
              return v + "!";
            });
    onQueueAndWait(
        () -> {
          nativeFuture.complete("v");
          log.add("after complete");
        });
    assertThat(log).containsExactly("then v", "after complete");
    assertThat(out.get(5, TimeUnit.SECONDS)).isEqualTo("v!");
  }

  @Test
  void anOutcomeSettledOnAnotherThreadRunsOnTheQueue() throws Exception {
    CompletableFuture<String> nativeFuture = new CompletableFuture<>();
    CompletableFuture<Boolean> onQueue = delivery.deliver(nativeFuture, v -> queue.isCurrent());
    Thread nativeThread = new Thread(() -> nativeFuture.complete("v"), "fake-native");
    nativeThread.start();
    assertThat(onQueue.get(5, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void failuresOfTheNativeFutureOrOfThenSettleTheResultExceptionally() throws Exception {
    IllegalStateException nativeError = new IllegalStateException("native");
    CompletableFuture<Object> failed =
        delivery.deliver(CompletableFuture.failedFuture(nativeError), v -> v);
    CompletableFuture<Object> thrown =
        delivery.deliver(
            CompletableFuture.completedFuture("v"),
            v -> {
              throw new IllegalArgumentException("then");
            });
    assertThat(cause(failed)).isSameAs(nativeError);
    assertThat(cause(thrown)).isInstanceOf(IllegalArgumentException.class).hasMessage("then");
  }

  @Test
  void nothingIsDeliveredOrPostedOnceClosed() throws Exception {
    CompletableFuture<String> nativeFuture = new CompletableFuture<>();
    CompletableFuture<String> out = delivery.deliver(nativeFuture, v -> v);
    closed.set(true);
    nativeFuture.complete("v");
    delivery.post(() -> log.add("posted"));
    drain();
    assertThat(out).isNotDone();
    assertThat(log).isEmpty();
  }

  @Test
  void postRunsOnTheQueueInOrder() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    queue.execute(
        () -> {
          try {
            hold.await(5, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    delivery.post(() -> log.add("1 " + queue.isCurrent()));
    delivery.post(() -> log.add("2 " + queue.isCurrent()));
    assertThat(log).isEmpty();
    hold.countDown();
    drain();
    assertThat(log).containsExactly("1 true", "2 true");
  }

  private static Throwable cause(CompletableFuture<?> f) throws Exception {
    try {
      f.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }
}

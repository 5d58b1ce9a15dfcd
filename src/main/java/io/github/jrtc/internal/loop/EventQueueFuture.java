package io.github.jrtc.internal.loop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A promise that may be completed on a native thread but whose dependents never run there: a
 * dependent fired by a completion (or attached after it) off every event queue goes to the
 * connection's queue. A caller blocked in {@code join()}/{@code get()} is woken straight by the
 * completing thread, which saves the queue hop a plain future completed from the queue costs, while
 * user code still never runs on libwebrtc's thread nor inside a call made on a user thread.
 *
 * <p>A dependent fired on a queue thread runs right there, as with a plain future completed from
 * the queue: a stage composed from another connection's promise then runs in that promise's task,
 * before the tasks queued after it (the JS microtask order). Hopping here instead let {@code
 * b.setLocalDescription().thenCompose(v -> a.setRemoteDescription(..))} fall behind b's candidate
 * events, whose addIceCandidate then reached a before its remote description.
 */
public final class EventQueueFuture<T> extends CompletableFuture<T> {
  private final Executor queue;
  private final Executor dependents;

  public EventQueueFuture(Executor queue) {
    this.queue = queue;
    this.dependents =
        task -> {
          if (SerialEventQueue.onAnyQueue()) {
            task.run();
          } else {
            queue.execute(task);
          }
        };
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new EventQueueFuture<>(queue);
  }

  @Override
  public Executor defaultExecutor() {
    return queue;
  }

  @Override
  public <U> CompletableFuture<U> thenApply(Function<? super T, ? extends U> fn) {
    return thenApplyAsync(fn, dependents);
  }

  @Override
  public CompletableFuture<Void> thenAccept(Consumer<? super T> action) {
    return thenAcceptAsync(action, dependents);
  }

  @Override
  public CompletableFuture<Void> thenRun(Runnable action) {
    return thenRunAsync(action, dependents);
  }

  @Override
  public <U, V> CompletableFuture<V> thenCombine(
      CompletionStage<? extends U> other, BiFunction<? super T, ? super U, ? extends V> fn) {
    return thenCombineAsync(other, fn, dependents);
  }

  @Override
  public <U> CompletableFuture<Void> thenAcceptBoth(
      CompletionStage<? extends U> other, BiConsumer<? super T, ? super U> action) {
    return thenAcceptBothAsync(other, action, dependents);
  }

  @Override
  public CompletableFuture<Void> runAfterBoth(CompletionStage<?> other, Runnable action) {
    return runAfterBothAsync(other, action, dependents);
  }

  @Override
  public <U> CompletableFuture<U> applyToEither(
      CompletionStage<? extends T> other, Function<? super T, U> fn) {
    return applyToEitherAsync(other, fn, dependents);
  }

  @Override
  public CompletableFuture<Void> acceptEither(
      CompletionStage<? extends T> other, Consumer<? super T> action) {
    return acceptEitherAsync(other, action, dependents);
  }

  @Override
  public CompletableFuture<Void> runAfterEither(CompletionStage<?> other, Runnable action) {
    return runAfterEitherAsync(other, action, dependents);
  }

  @Override
  public <U> CompletableFuture<U> thenCompose(
      Function<? super T, ? extends CompletionStage<U>> fn) {
    return thenComposeAsync(fn, dependents);
  }

  @Override
  public CompletableFuture<T> whenComplete(BiConsumer<? super T, ? super Throwable> action) {
    return whenCompleteAsync(action, dependents);
  }

  @Override
  public <U> CompletableFuture<U> handle(BiFunction<? super T, Throwable, ? extends U> fn) {
    return handleAsync(fn, dependents);
  }

  @Override
  public CompletableFuture<T> exceptionally(Function<Throwable, ? extends T> fn) {
    return exceptionallyAsync(fn, dependents);
  }

  @Override
  public CompletableFuture<T> exceptionallyCompose(
      Function<Throwable, ? extends CompletionStage<T>> fn) {
    return exceptionallyComposeAsync(fn, dependents);
  }
}

package io.github.jrtc.internal.loop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The promise of a chained operation: it tells its {@link ReturnGate} when the caller first looks
 * at it (blocks on it, attaches a dependent, asks whether it is done), which ends the caller's
 * "task" and lets the outcome settle from the event queue. Every dependent-creating method of
 * {@link CompletableFuture} goes through {@link #newIncompleteFuture}; {@code thenCompose} relays a
 * promise its function returned through {@link #toCompletableFuture} without looking otherwise.
 */
final class PendingPromise<T> extends CompletableFuture<T> {
  private final ReturnGate gate;

  PendingPromise(ReturnGate gate) {
    this.gate = gate;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    gate.looked(false);
    return new CompletableFuture<>();
  }

  @Override
  public CompletableFuture<T> toCompletableFuture() {
    gate.looked(false);
    return this;
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    gate.looked(true);
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    gate.looked(true);
    return super.get(timeout, unit);
  }

  @Override
  public T join() {
    gate.looked(true);
    return super.join();
  }

  @Override
  public T getNow(T valueIfAbsent) {
    gate.looked(false);
    return super.getNow(valueIfAbsent);
  }

  @Override
  public boolean isDone() {
    gate.looked(false);
    return super.isDone();
  }
}

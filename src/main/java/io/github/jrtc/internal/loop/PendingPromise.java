package io.github.jrtc.internal.loop;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The promise of a chained operation: it tells its {@link ReturnGate} when the caller first looks
 * at it (blocks on it, attaches a dependent, asks whether it is done), which ends the caller's
 * "task" and lets the outcome settle from the event queue. Every dependent-creating method of
 * {@link CompletableFuture} goes through {@link #newIncompleteFuture}.
 */
final class PendingPromise<T> extends CompletableFuture<T> {
  private final ReturnGate gate;

  PendingPromise(ReturnGate gate) {
    this.gate = gate;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    gate.looked();
    return new CompletableFuture<>();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    gate.looked();
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit)
      throws InterruptedException, ExecutionException, TimeoutException {
    gate.looked();
    return super.get(timeout, unit);
  }

  @Override
  public T join() {
    gate.looked();
    return super.join();
  }

  @Override
  public T getNow(T valueIfAbsent) {
    gate.looked();
    return super.getNow(valueIfAbsent);
  }

  @Override
  public boolean isDone() {
    gate.looked();
    return super.isDone();
  }
}

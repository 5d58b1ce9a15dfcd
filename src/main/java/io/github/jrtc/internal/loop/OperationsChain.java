package io.github.jrtc.internal.loop;

import io.github.jrtc.internal.spec.Errors;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The spec's operations chain ([[Operations]]): createOffer, createAnswer, setLocalDescription,
 * setRemoteDescription, addIceCandidate and replaceTrack run one at a time in call order, even when
 * the caller never waits. Results are delivered on the connection's event queue (or, for {@link
 * #chainSettlingDirectly}, on the completing thread with every dependent still on the queue);
 * operations always start on the caller's thread or the queue; once the connection is closed
 * nothing settles any more.
 */
public final class OperationsChain {
  private final SerialEventQueue queue;
  private final BooleanSupplier closed;
  private final Runnable onEmpty;
  private final BooleanSupplier onEmptyWanted;
  private final ArrayDeque<Runnable> operations = new ArrayDeque<>();
  private Runnable afterSettle; // guarded by operations

  /**
   * @param queue the connection's event queue: every outcome is delivered from it
   * @param closed the connection's [[IsClosed]] slot
   * @param onEmpty run on the queue when the chain empties (the negotiation-needed re-check)
   */
  public OperationsChain(SerialEventQueue queue, BooleanSupplier closed, Runnable onEmpty) {
    this(queue, closed, onEmpty, () -> true);
  }

  /**
   * @param onEmptyWanted read right after the chain emptied, on the settling thread: false skips
   *     the {@code onEmpty} task, so a settle on a native thread wakes no queue thread for a
   *     re-check with nothing to do. It must read state that is written before the queue next looks
   *     at {@link #isBusy} (that lock orders the two).
   */
  public OperationsChain(
      SerialEventQueue queue,
      BooleanSupplier closed,
      Runnable onEmpty,
      BooleanSupplier onEmptyWanted) {
    this.queue = queue;
    this.closed = closed;
    this.onEmpty = onEmpty;
    this.onEmptyWanted = onEmptyWanted;
  }

  /** Appends an operation; runs it now if the chain was empty. Never throws. */
  public <T> CompletableFuture<T> chain(Supplier<CompletableFuture<T>> operation) {
    return append(operation, new CompletableFuture<>(), false);
  }

  /**
   * Appends an operation whose outcome fires no event (createOffer, createAnswer): its promise
   * settles on the thread that completes the operation, normally libwebrtc's signaling thread, so a
   * caller blocked on it wakes without a queue hop. The promise is an {@link EventQueueFuture}, so
   * its dependents still run on the queue, and the next operation is started from the queue. The
   * operation must have updated the connection's state before its future completes.
   *
   * <p>Called from a task of this queue (a handler, a dependent), the outcome still goes through
   * the queue: that task may close the connection after the call, and then, as in JS, the promise
   * must never settle (WPT "createAnswer() when connection is closed in parallel").
   */
  public <T> CompletableFuture<T> chainSettlingDirectly(Supplier<CompletableFuture<T>> operation) {
    return append(operation, new EventQueueFuture<>(queue), !queue.isCurrent());
  }

  private <T> CompletableFuture<T> append(
      Supplier<CompletableFuture<T>> operation, CompletableFuture<T> p, boolean direct) {
    if (closed.getAsBoolean()) {
      return rejectLater(p, Errors.invalidState("The RTCPeerConnection is closed"));
    }
    Runnable start = () -> execute(operation, p, direct);
    boolean first;
    synchronized (operations) {
      operations.add(start);
      first = operations.size() == 1;
    }
    if (first) {
      start.run();
    }
    return p;
  }

  /**
   * Queues {@code task} on the event queue right after the running operation's promise settles
   * (after the callbacks run synchronously by that), before the next operation starts.
   */
  public void afterSettled(Runnable task) {
    synchronized (operations) {
      afterSettle = task;
    }
  }

  /** Whether an operation is running or waiting. */
  public boolean isBusy() {
    synchronized (operations) {
      return !operations.isEmpty();
    }
  }

  /** Completes {@code p} exceptionally from the queue, so never before the caller has it. */
  public <T> CompletableFuture<T> rejectLater(CompletableFuture<T> p, Throwable error) {
    queue.execute(() -> p.completeExceptionally(error));
    return p;
  }

  private <T> void execute(
      Supplier<CompletableFuture<T>> operation, CompletableFuture<T> p, boolean direct) {
    CompletableFuture<T> inner;
    try {
      inner = operation.get();
    } catch (RuntimeException e) {
      inner = CompletableFuture.failedFuture(e);
    }
    if (inner.isDone() && direct && !inner.isCompletedExceptionally()) {
      // libwebrtc's callback ran before the caller's thread was back from the native call (the
      // usual case for createAnswer: its posted callback runs while the caller is still being
      // woken from the blocking call). Settle here, as that callback would have; dependents still
      // run on the queue (EventQueueFuture). The queue hop cost a caller blocked in get() one
      // more wake-up, a visible share of a createAnswer (docs/benchmarks.md).
      Futures.onComplete(inner, (v, e) -> settle(p, v, e));
      return;
    }
    if (inner.isDone()) {
      // Decided while starting: still report through the queue, after the caller returned.
      CompletableFuture<T> done = inner;
      queue.execute(() -> Futures.onComplete(done, (v, e) -> settle(p, v, e)));
      return;
    }
    Futures.onComplete(
        inner,
        (v, e) -> {
          if (direct || queue.isCurrent()) {
            settle(p, v, e);
          } else {
            queue.execute(() -> settle(p, v, e));
          }
        });
  }

  private <T> void settle(CompletableFuture<T> p, T value, Throwable error) {
    if (closed.getAsBoolean()) {
      return;
    }
    Runnable next;
    Runnable after;
    synchronized (operations) {
      operations.poll();
      next = operations.peek();
      after = afterSettle;
      afterSettle = null;
    }
    if (error != null) {
      p.completeExceptionally(unwrap(error));
    } else {
      p.complete(value);
    }
    if (after != null) {
      queue.execute(after);
    }
    if (next == null) {
      if (onEmptyWanted.getAsBoolean()) {
        queue.execute(onEmpty);
      }
    } else if (queue.isCurrent()) {
      next.run();
    } else {
      // Settled on a native thread: the next operation must not run there.
      queue.execute(next);
    }
  }

  private static Throwable unwrap(Throwable e) {
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}

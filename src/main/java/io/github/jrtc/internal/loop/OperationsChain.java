package io.github.jrtc.internal.loop;

import io.github.jrtc.DOMException;
import io.github.jrtc.internal.jfr.OperationTimer;
import io.github.jrtc.internal.spec.Errors;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The spec's operations chain ([[Operations]]): createOffer, createAnswer, setLocalDescription,
 * setRemoteDescription, addIceCandidate and replaceTrack run one at a time in call order, even when
 * the caller never waits. A promise settles only from the connection's event queue, after
 * re-checking [[IsClosed]], and never within the caller's task (a {@link ReturnGate} holds an
 * outcome until the call returned and, off the queue, until the caller looks at the promise); once
 * the connection is closed nothing settles any more. Operations always start on the caller's thread
 * or the queue.
 */
public final class OperationsChain {
  /** How often an offer or answer is made again because the connection changed meanwhile. */
  static final int MAX_RESTARTS = 3;

  private final SerialEventQueue queue;
  private final BooleanSupplier closed;
  private final Runnable onEmpty;
  private final BooleanSupplier onEmptyWanted;
  private final GraceTimer grace;
  private final ArrayDeque<Runnable> operations = new ArrayDeque<>();
  private Runnable afterSettle; // guarded by operations
  private ReturnGate runningGate; // guarded by operations

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
    this(queue, closed, onEmpty, onEmptyWanted, GraceTimer.SHARED);
  }

  /** With its own grace timer (tests that must tell a grace opening from any other). */
  OperationsChain(
      SerialEventQueue queue,
      BooleanSupplier closed,
      Runnable onEmpty,
      BooleanSupplier onEmptyWanted,
      GraceTimer grace) {
    this.grace = grace;
    this.queue = queue;
    this.closed = closed;
    this.onEmpty = onEmpty;
    this.onEmptyWanted = onEmptyWanted;
  }

  /**
   * Appends an operation; runs it now if the chain was empty. Never throws.
   *
   * @param kind the operation's name in JFR events (createAnswer, addIceCandidate, ...)
   */
  public <T> CompletableFuture<T> chain(String kind, Supplier<CompletableFuture<T>> operation) {
    return chain(kind, operation, () -> false);
  }

  /**
   * Like {@link #chain(String, Supplier)}, with the final step of createOffer/createAnswer: when
   * the outcome reaches the queue (after the caller's task) and {@code changedSinceStart} says the
   * connection was modified while the operation ran, the operation runs again before the promise
   * settles ("begin the create an offer algorithm again"), at most {@value #MAX_RESTARTS} times.
   */
  public <T> CompletableFuture<T> chain(
      String kind, Supplier<CompletableFuture<T>> operation, BooleanSupplier changedSinceStart) {
    OperationTimer timer = OperationTimer.start(queue.connection(), kind);
    if (closed.getAsBoolean()) {
      DOMException error = Errors.invalidState("The RTCPeerConnection is closed");
      if (timer != null) {
        timer.settled(error.name());
      }
      return rejectLater(new CompletableFuture<>(), error);
    }
    ReturnGate gate = new ReturnGate(queue, grace);
    PendingPromise<T> p = new PendingPromise<>(gate);
    boolean onQueue = queue.isCurrent();
    try {
      append(
          () -> {
            synchronized (operations) {
              runningGate = gate;
            }
            execute(operation, changedSinceStart, MAX_RESTARTS, p, gate, timer);
          });
    } finally {
      gate.returned(onQueue);
    }
    return p;
  }

  private void append(Runnable start) {
    boolean first;
    ReturnGate waitingFor;
    synchronized (operations) {
      operations.add(start);
      first = operations.size() == 1;
      waitingFor = runningGate;
    }
    if (first) {
      start.run();
    } else if (waitingFor != null) {
      // A caller that chains another operation (SRD(offer); addIceCandidate(c), never looking at
      // the first promise) must not wait out the running operation's grace period.
      waitingFor.looked(false);
    }
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
      Supplier<CompletableFuture<T>> operation,
      BooleanSupplier changedSinceStart,
      int restartsLeft,
      CompletableFuture<T> p,
      ReturnGate gate,
      OperationTimer timer) {
    if (timer != null) {
      timer.started();
    }
    CompletableFuture<T> inner;
    try {
      inner = operation.get();
    } catch (RuntimeException e) {
      inner = CompletableFuture.failedFuture(e);
    }
    // Whether it completed during the call (decided while starting, or libwebrtc's callback beat
    // the caller back: the usual case for createAnswer) or comes later on a native thread or the
    // queue, the outcome goes through the gate to the queue, where settle re-checks [[IsClosed]].
    Futures.onComplete(
        inner,
        (v, e) -> {
          if (timer != null) {
            timer.nativeDone();
          }
          gate.pass(
              () -> {
                if (e == null
                    && restartsLeft > 0
                    && !closed.getAsBoolean()
                    && changedSinceStart.getAsBoolean()) {
                  // On the queue, the gate already open: the rerun's outcome comes back here.
                  execute(operation, changedSinceStart, restartsLeft - 1, p, gate, timer);
                } else {
                  settle(p, v, e, timer);
                }
              });
        });
  }

  private <T> void settle(CompletableFuture<T> p, T value, Throwable error, OperationTimer timer) {
    if (closed.getAsBoolean()) {
      if (timer != null) {
        timer.settled("closed");
      }
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
    // Read before the promise's callbacks run: they may change what it reads.
    boolean recheck = next == null && onEmptyWanted.getAsBoolean();
    // Timed before completing: dependents the caller attached run inside complete().
    if (error != null) {
      Throwable e = unwrap(error);
      if (timer != null) {
        timer.settled(
            e instanceof DOMException ? ((DOMException) e).name() : e.getClass().getName());
      }
      p.completeExceptionally(e);
    } else {
      if (timer != null) {
        timer.settled("resolved");
      }
      p.complete(value);
    }
    if (after != null) {
      queue.execute(after);
    }
    if (recheck) {
      queue.execute(onEmpty);
    } else if (next == null) {
      return;
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

package io.github.jrtc.internal.loop;

import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * How a connection hands work and outcomes to its event queue: on the queue, never on a native
 * thread, never inside the call that started it, and not at all once the connection is closed.
 */
public final class QueueDelivery {
  private final SerialEventQueue queue;
  private final BooleanSupplier closed;

  /**
   * @param queue the connection's event queue
   * @param closed the connection's [[IsClosed]] slot, read when a task runs
   */
  public QueueDelivery(SerialEventQueue queue, BooleanSupplier closed) {
    this.queue = queue;
    this.closed = closed;
  }

  /** Runs {@code task} on the queue unless the connection is closed by then. */
  public void post(Runnable task) {
    queue.execute(
        () -> {
          if (!closed.getAsBoolean()) {
            task.run();
          }
        });
  }

  /**
   * Runs {@code then} on the event queue once the native future settles, and settles the returned
   * future with its result. libwebrtc sometimes settles during the call that started it (the proxy
   * call is synchronous): then this still hops, so nothing fires inside the user's call. A future
   * that settles later inside a task of this queue is handled in that task. Once the connection is
   * closed the returned future never settles.
   */
  public <T, R> CompletableFuture<R> deliver(
      CompletableFuture<T> nativeFuture, Function<T, R> then) {
    CompletableFuture<R> out = new CompletableFuture<>();
    boolean settledAlready = nativeFuture.isDone();
    Futures.onComplete(
        nativeFuture,
        (value, error) -> {
          Runnable deliver =
              () -> {
                if (closed.getAsBoolean()) {
                  return;
                }
                if (error != null) {
                  out.completeExceptionally(error);
                  return;
                }
                try {
                  out.complete(then.apply(value));
                } catch (RuntimeException e) {
                  out.completeExceptionally(e);
                }
              };
          if (!settledAlready && queue.isCurrent()) {
            deliver.run();
          } else {
            queue.execute(deliver);
          }
        });
    return out;
  }
}

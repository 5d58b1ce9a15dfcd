package io.github.jrtc.internal.loop;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds the outcome of a chained operation until the caller's "task" is over, then hands it to the
 * connection's event queue, where it settles after re-checking [[IsClosed]]. JS settles a promise
 * in a later task, so {@code p = pc.createAnswer(); pc.close();} never settles {@code p}; here
 * libwebrtc often has the answer before the caller is back from the native call, and a queue thread
 * could settle it before the caller's close() (WPT "createAnswer() when connection is closed in
 * parallel").
 *
 * <p>When the task is over: for a call made on the event queue, when the call returns (the outcome
 * is queued behind the calling task). A thread off the queue has no task boundary, so the gate
 * opens once the caller looks at the promise ({@link PendingPromise}: it blocks on it, attaches a
 * dependent, asks whether it is done), or {@link #GRACE_MILLIS} after the call returned if it never
 * looks.
 */
final class ReturnGate {
  /** The longest an outcome waits for a caller off the queue that never looks at its promise. */
  static final long GRACE_MILLIS = 20;

  private static final ScheduledExecutorService GRACE =
      Executors.newSingleThreadScheduledExecutor(EventThreads.daemonFactory("jrtc-return-gate-"));

  private final SerialEventQueue queue;
  private boolean returned; // guarded by this
  private boolean looked; // guarded by this
  private boolean opened; // guarded by this
  private boolean graceScheduled; // guarded by this
  private Runnable held; // guarded by this

  ReturnGate(SerialEventQueue queue) {
    this.queue = queue;
  }

  /**
   * Runs {@code task} once the gate is open: inline when already on the queue (the outcome of a
   * native step the queue itself delivered), else queued; held until then.
   */
  void pass(Runnable task) {
    synchronized (this) {
      if (!opened) {
        held = task;
        if (returned) {
          scheduleGrace();
        }
        return;
      }
    }
    if (queue.isCurrent()) {
      task.run();
    } else {
      queue.execute(task);
    }
  }

  /** The call returned, on the queue ({@code onQueue}) or on another thread. */
  void returned(boolean onQueue) {
    synchronized (this) {
      returned = true;
      if (!onQueue && !looked) {
        if (held != null) {
          scheduleGrace();
        }
        return;
      }
    }
    open();
  }

  /** The caller looked at the promise: its task is over. */
  void looked() {
    synchronized (this) {
      looked = true;
      if (!returned) {
        return;
      }
    }
    open();
  }

  private void open() {
    Runnable task;
    synchronized (this) {
      if (opened) {
        return;
      }
      opened = true;
      task = held;
      held = null;
    }
    if (task != null) {
      queue.execute(task);
    }
  }

  private void scheduleGrace() {
    if (!graceScheduled) {
      graceScheduled = true;
      java.util.concurrent.ScheduledFuture<?> unused =
          GRACE.schedule(this::open, GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }
}

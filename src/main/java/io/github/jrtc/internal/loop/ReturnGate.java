package io.github.jrtc.internal.loop;

/**
 * Holds the outcome of a chained operation until the caller's "task" is over, then hands it to the
 * connection's event queue, where it settles after re-checking [[IsClosed]]. JS settles a promise
 * in a later task, so {@code p = pc.createAnswer(); pc.close();} never settles {@code p}; here
 * libwebrtc often has the answer before the caller is back from the native call, and a queue thread
 * could settle it before the caller's close() (WPT "createAnswer() when connection is closed in
 * parallel").
 *
 * <p>When the task is over: for a call made on the event queue, when the call returns (the outcome
 * is queued behind the calling task); for a call made in a task of another jrtc queue (one
 * connection's handler or promise callback calling another connection), when that task returns. A
 * thread of no queue has no task boundary, so the gate opens once the caller looks at the promise
 * ({@link PendingPromise}: it blocks on it, attaches a dependent, asks whether it is done), or
 * {@link #GRACE_MILLIS} after the call returned if it never looks — longer, up to {@link
 * #STARVED_CALLER_MAX_MILLIS}, while the caller is runnable but has not had the processor since
 * (every core busy): it cannot have looked yet, and its task is not over.
 */
final class ReturnGate {
  /** The longest an outcome waits for a caller off the queue that never looks at its promise. */
  static final long GRACE_MILLIS = 20;

  /**
   * The longest an outcome waits for a caller off the queue that is runnable but starved of the
   * processor. A caller in blocking native I/O also reads as runnable: its outcome waits this long
   * when it never looks at the promise.
   */
  static final long STARVED_CALLER_MAX_MILLIS = 250;

  private final SerialEventQueue queue;
  private final GraceTimer grace;
  private boolean returned; // guarded by this
  private boolean looked; // guarded by this
  private volatile boolean opened; // written under this
  private boolean graceScheduled; // guarded by this
  private Runnable held; // guarded by this
  private Thread caller; // guarded by this: the thread off every queue that called

  ReturnGate(SerialEventQueue queue, GraceTimer grace) {
    this.queue = queue;
    this.grace = grace;
  }

  /** Whether the outcome may pass (read by the grace timer to drop entries early). */
  boolean isOpen() {
    return opened;
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
    if (!onQueue) {
      SerialEventQueue callers = SerialEventQueue.current();
      if (callers != null) {
        // Called in a task of another connection's queue: that task's end is the boundary.
        callers.afterRunningTask(() -> returned(true));
        return;
      }
    }
    synchronized (this) {
      returned = true;
      if (!onQueue && !looked) {
        caller = Thread.currentThread();
        if (held != null) {
          scheduleGrace();
        }
        return;
      }
    }
    open();
  }

  /**
   * The caller looked at the promise.
   *
   * @param blocking it waits for it (get, join): its task is over now, wherever it runs; else (a
   *     dependent attached, a poll) a caller in a task of another connection's queue is done when
   *     that task returns
   */
  void looked(boolean blocking) {
    if (!blocking) {
      SerialEventQueue callers = SerialEventQueue.current();
      if (callers != null && callers != queue) {
        callers.afterRunningTask(this::callersTaskOver);
        return;
      }
    }
    synchronized (this) {
      looked = true;
      if (blocking) {
        returned = true;
      } else if (!returned) {
        return;
      }
    }
    Runnable task = openAndTakeHeld();
    if (task == null) {
      return;
    }
    if (blocking) {
      // A caller blocked off every queue is awake already: with the queue idle it settles the
      // outcome itself, as the queue's next task (on a queue thread this queues it as usual).
      queue.runHereIfIdle(task);
    } else {
      queue.execute(task);
    }
  }

  /** The task of another connection's queue that called or looked has returned. */
  private void callersTaskOver() {
    synchronized (this) {
      looked = true;
      returned = true;
    }
    open();
  }

  void open() {
    Runnable task = openAndTakeHeld();
    if (task != null) {
      queue.execute(task);
    }
  }

  /** Opens the gate; returns the outcome held until now, or null (none, or already open). */
  private Runnable openAndTakeHeld() {
    synchronized (this) {
      if (opened) {
        return null;
      }
      opened = true;
      Runnable task = held;
      held = null;
      return task;
    }
  }

  private void scheduleGrace() {
    if (!graceScheduled) {
      graceScheduled = true;
      grace.register(this, caller);
    }
  }
}

package io.github.jrtc.internal.loop;

import io.github.jrtc.internal.jfr.JfrEvents;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: the "event loop" of one
 * connection. Native callbacks only ever {@link #execute} here and return, so they never wait for
 * user code.
 */
public final class SerialEventQueue implements Executor {
  private static final Logger LOG = LoggerFactory.getLogger(SerialEventQueue.class);
  private static final ThreadLocal<SerialEventQueue> CURRENT = new ThreadLocal<>();

  /** Tasks run per turn before yielding the pool thread to other queues. */
  private static final int BATCH = 256;

  private final ReadyQueues ready;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final String name;
  private final long connection;
  // When the running task was queued (0: not stamped); read by the dispatch timing on this thread.
  private long runningQueuedAt;
  // Run when the running task returns; touched only by the thread draining this queue.
  private final ArrayList<Runnable> afterRunningTask = new ArrayList<>();

  /** A queue of no connection (a recorder's, a device list's). */
  public SerialEventQueue(String name) {
    this(name, 0);
  }

  /**
   * @param connection the per-JVM id of the connection this queue serves, named in JFR events
   */
  public SerialEventQueue(String name, long connection) {
    this.name = name;
    this.connection = connection;
    this.ready = ReadyQueues.shared();
  }

  /** A queue on its own pool (tests). */
  public SerialEventQueue(String name, Executor pool) {
    this(name, new ReadyQueues(pool));
  }

  SerialEventQueue(String name, ReadyQueues ready) {
    this.name = name;
    this.connection = 0;
    this.ready = ready;
  }

  @Override
  public void execute(Runnable task) {
    // Stamped only while a JFR recording wants io.github.jrtc.EventDispatch: its queue wait.
    tasks.add(JfrEvents.dispatchEnabled() ? new Stamped(task, System.nanoTime()) : task);
    schedule();
  }

  /** The queue whose task the calling thread runs, or null. */
  public static SerialEventQueue current() {
    return CURRENT.get();
  }

  /** The per-JVM id of the connection this queue serves, 0 for none. */
  public long connection() {
    return connection;
  }

  /**
   * Runs {@code action} on this thread as soon as the task running now returns, before the next
   * task: the end of the caller's "task" in the spec's sense. Call from a task of this queue only.
   */
  public void afterRunningTask(Runnable action) {
    afterRunningTask.add(action);
  }

  /** When the task running now was queued, 0 if it was not stamped. Call from that task only. */
  public long runningTaskQueuedAt() {
    return runningQueuedAt;
  }

  private static final class Stamped implements Runnable {
    final Runnable task;
    final long queuedAt;

    Stamped(Runnable task, long queuedAt) {
      this.task = task;
      this.queuedAt = queuedAt;
    }

    @Override
    public void run() {
      task.run();
    }
  }

  /** True when the calling thread is running a task of any connection's queue. */
  public static boolean onAnyQueue() {
    return CURRENT.get() != null;
  }

  /** True when the calling thread is running a task of this queue. */
  public boolean isCurrent() {
    return CURRENT.get() == this;
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        ready.submit(this);
      } catch (RejectedExecutionException e) {
        scheduled.set(false);
        LOG.error("Event queue {} could not be scheduled", name, e);
      }
    }
  }

  /**
   * Runs {@code task} as this queue's next task on the calling thread when nothing is queued or
   * running; otherwise queues it like {@link #execute}. For a caller off every queue that blocks on
   * the outcome the task settles: it is awake already, where a pool thread would have to be woken
   * (and then wake the caller). Only this one task runs here; anything it queues goes to the pool.
   */
  void runHereIfIdle(Runnable task) {
    if (!tasks.isEmpty() || CURRENT.get() != null || !scheduled.compareAndSet(false, true)) {
      execute(task);
      return;
    }
    if (!tasks.isEmpty()) {
      // Queued between the check and the claim: it goes first, on the pool.
      tasks.add(task);
      scheduled.set(false);
      schedule();
      return;
    }
    CURRENT.set(this);
    try {
      runOne(task);
    } finally {
      CURRENT.set(null);
      scheduled.set(false);
    }
    if (!tasks.isEmpty()) {
      schedule();
    }
  }

  /**
   * Runs one task of this queue on the calling thread, which owns the queue, then its after-task
   * actions.
   */
  private void runOne(Runnable task) {
    runningQueuedAt = task instanceof Stamped ? ((Stamped) task).queuedAt : 0;
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      LOG.error("Uncaught exception in event queue {}", name, e);
    }
    if (!afterRunningTask.isEmpty()) {
      runAfterTaskActions();
    }
  }

  /** One turn: runs up to {@link #BATCH} tasks on the calling pool thread. */
  void drain() {
    SerialEventQueue previous = CURRENT.get();
    CURRENT.set(this);
    try {
      for (int i = 0; i < BATCH; i++) {
        Runnable task = tasks.poll();
        if (task == null) {
          break;
        }
        runOne(task);
      }
    } finally {
      CURRENT.set(previous);
      scheduled.set(false);
    }
    if (!tasks.isEmpty()) {
      schedule();
    }
  }

  private void runAfterTaskActions() {
    for (int i = 0; i < afterRunningTask.size(); i++) {
      try {
        afterRunningTask.get(i).run();
      } catch (RuntimeException | Error e) {
        LOG.error("Uncaught exception after a task of event queue {}", name, e);
      }
    }
    afterRunningTask.clear();
  }

  @Override
  public String toString() {
    return "SerialEventQueue[" + name + "]";
  }
}

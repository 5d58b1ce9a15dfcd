package io.github.jrtc.internal.loop;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the {@link ReturnGate}s whose caller never looked at its promise, a fixed grace after the
 * call returned. Nearly every gate is opened long before by its caller, so a registration is only a
 * queue entry: the one thread sleeps until the oldest entry is due and then drops the entries
 * opened meanwhile. A scheduled executor woke its thread for most registrations instead (measured
 * in docs/benchmarks.md, "Latency: the JFR breakdown").
 */
final class GraceTimer {
  private static final Logger LOG = LoggerFactory.getLogger(GraceTimer.class);

  /** The timer every connection uses: {@link ReturnGate#GRACE_MILLIS}. */
  static final GraceTimer SHARED =
      new GraceTimer(
          "jrtc-return-gate",
          TimeUnit.MILLISECONDS.toNanos(ReturnGate.GRACE_MILLIS),
          TimeUnit.MILLISECONDS.toNanos(ReturnGate.STARVED_CALLER_MAX_MILLIS),
          CallerProgress.JVM);

  /**
   * Processor time below which a runnable caller counts as not having run since its outcome was
   * held: attaching a dependent or blocking on the promise takes far less.
   */
  static final long STARVED_CPU_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

  /**
   * @param caller the thread that called and has not looked yet, or null
   * @param callerCpu its processor time when the outcome was held (-1: unknown)
   * @param lastNanos when the gate opens whatever the caller does
   */
  private record Entry(
      ReturnGate gate, long dueNanos, Thread caller, long callerCpu, long lastNanos) {}

  // Due times ascend in insertion order: the grace is the same for every entry.
  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
  private final long graceNanos;
  private final long starvedMaxNanos;
  private final CallerProgress progress;
  private final Thread thread;
  private volatile boolean parkedWithNothingDue;

  GraceTimer(String threadName, long graceNanos) {
    this(threadName, graceNanos, 0, CallerProgress.JVM);
  }

  /**
   * @param starvedMaxNanos how long after the outcome was held a gate may wait for a caller that is
   *     runnable but has not had the processor (0: never longer than the grace)
   */
  GraceTimer(String threadName, long graceNanos, long starvedMaxNanos, CallerProgress progress) {
    this.graceNanos = graceNanos;
    this.starvedMaxNanos = starvedMaxNanos;
    this.progress = progress;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens {@code gate} one grace from now unless it is open by then. */
  void register(ReturnGate gate) {
    register(gate, null);
  }

  /**
   * Opens {@code gate} one grace from now unless it is open by then; longer (up to the starved
   * maximum) while {@code caller} is runnable but has had almost no processor time since now.
   */
  void register(ReturnGate gate, Thread caller) {
    long now = System.nanoTime();
    long cpu = caller == null || starvedMaxNanos == 0 ? -1 : progress.cpuNanos(caller);
    add(new Entry(gate, now + graceNanos, cpu < 0 ? null : caller, cpu, now + starvedMaxNanos));
  }

  private void add(Entry entry) {
    entries.add(entry);
    if (parkedWithNothingDue) {
      LockSupport.unpark(thread);
    }
  }

  private boolean callerStarved(Entry e) {
    if (e.caller() == null || System.nanoTime() >= e.lastNanos()) {
      return false;
    }
    try {
      return progress.runnable(e.caller())
          && progress.cpuNanos(e.caller()) - e.callerCpu() < STARVED_CPU_NANOS;
    } catch (RuntimeException ex) {
      return false;
    }
  }

  private void run() {
    while (true) {
      Entry next = entries.peek();
      if (next == null) {
        parkedWithNothingDue = true;
        // Re-checked after publishing the flag: a registration either sees it or is seen here.
        if (entries.peek() == null) {
          LockSupport.park(this);
        }
        parkedWithNothingDue = false;
        continue;
      }
      if (next.gate().isOpen()) {
        entries.poll();
        continue;
      }
      long wait = next.dueNanos() - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
        continue;
      }
      entries.poll();
      if (callerStarved(next)) {
        // Appended with the latest due time: later entries are due no later than now + grace.
        add(
            new Entry(
                next.gate(),
                Math.min(System.nanoTime() + graceNanos, next.lastNanos()),
                next.caller(),
                next.callerCpu(),
                next.lastNanos()));
        continue;
      }
      try {
        next.gate().open();
      } catch (RuntimeException | Error e) {
        LOG.error("Opening a held operation outcome failed", e);
      }
    }
  }
}

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
      new GraceTimer("jrtc-return-gate", TimeUnit.MILLISECONDS.toNanos(ReturnGate.GRACE_MILLIS));

  private record Entry(ReturnGate gate, long dueNanos) {}

  // Due times ascend in insertion order: the grace is the same for every entry.
  private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
  private final long graceNanos;
  private final Thread thread;
  private volatile boolean parkedWithNothingDue;

  GraceTimer(String threadName, long graceNanos) {
    this.graceNanos = graceNanos;
    this.thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Opens {@code gate} one grace from now unless it is open by then. */
  void register(ReturnGate gate) {
    entries.add(new Entry(gate, System.nanoTime() + graceNanos));
    if (parkedWithNothingDue) {
      LockSupport.unpark(thread);
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
      try {
        next.gate().open();
      } catch (RuntimeException | Error e) {
        LOG.error("Opening a held operation outcome failed", e);
      }
    }
  }
}

package io.github.jrtc.internal.webrtcjava;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls native buffered amounts every millisecond while any channel has data queued. webrtc-java
 * never calls its buffered-amount callback, so this is how {@code bufferedAmount} shrinks and
 * {@code bufferedamountlow} fires. One daemon thread for all channels; idle when nothing is queued.
 */
public final class BufferedAmountPoller {
  private static final Logger LOG = LoggerFactory.getLogger(BufferedAmountPoller.class);
  private static final long PERIOD_NANOS = 1_000_000;
  // Keep ticking this many periods after the last channel drained before parking for good: a
  // channel sending small messages back to back then just re-registers, instead of waking the
  // thread (and paying a native poll) once per message.
  private static final int LINGER_PERIODS = 50;
  private static final Set<BooleanSupplier> ACTIVE = ConcurrentHashMap.newKeySet();
  private static volatile Thread thread;
  private static volatile boolean idle;

  private BufferedAmountPoller() {}

  /**
   * Polls {@code poll} until it returns false (nothing left queued). Registering the same poll
   * twice is harmless.
   */
  public static void watch(BooleanSupplier poll) {
    if (ACTIVE.add(poll)) {
      Thread t = thread;
      if (t == null) {
        start();
      } else if (idle) {
        LockSupport.unpark(t);
      }
    }
  }

  private static synchronized void start() {
    if (thread != null) {
      LockSupport.unpark(thread);
      return;
    }
    Thread t = new Thread(BufferedAmountPoller::run, "jrtc-buffered-amount");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private static boolean recheck(BooleanSupplier poll) {
    try {
      return poll.getAsBoolean();
    } catch (RuntimeException | Error e) {
      return false;
    }
  }

  private static void run() {
    int emptyPeriods = 0;
    while (true) {
      if (ACTIVE.isEmpty()) {
        if (emptyPeriods < LINGER_PERIODS) {
          emptyPeriods++;
          LockSupport.parkNanos(PERIOD_NANOS);
          continue;
        }
        idle = true;
        // A watch() between the check above and this flag is caught by the re-check.
        if (ACTIVE.isEmpty()) {
          LockSupport.park();
        }
        idle = false;
        continue;
      }
      emptyPeriods = 0;
      for (BooleanSupplier poll : ACTIVE) {
        boolean more;
        try {
          more = poll.getAsBoolean();
        } catch (RuntimeException | Error e) {
          LOG.warn("Buffered amount poll failed", e);
          more = false;
        }
        if (!more) {
          ACTIVE.remove(poll);
          // A send between the poll and the removal re-added nothing (it was still present):
          // look once more so its bytes are not stranded.
          if (recheck(poll)) {
            ACTIVE.add(poll);
          }
        }
      }
      LockSupport.parkNanos(PERIOD_NANOS);
    }
  }
}

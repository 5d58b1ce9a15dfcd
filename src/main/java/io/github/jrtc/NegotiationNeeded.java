package io.github.jrtc;

import io.github.jrtc.internal.loop.EventThreads;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A connection's [[NegotiationNeeded]] flag and when its "negotiationneeded" event fires.
 *
 * <p>The JS "same task" guarantee, approximated for callers off the event queue: a burst of changes
 * (addTrack, createDataChannel, ...) made from another thread with gaps under {@link #QUIET_NANOS}
 * is one task, so the event waits until the burst went quiet. Changes made on the queue (in a
 * handler) need no delay: the event's own task runs after the handler's.
 *
 * <p>Threads: {@link #raised} and {@link #noteChange} are called from any thread; everything else
 * runs on the connection's event queue.
 */
final class NegotiationNeeded {
  static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  /** Runs a task after a delay (the re-check of a burst that has not gone quiet yet). */
  interface Scheduler {
    void schedule(Runnable task, long delayNanos);
  }

  /** Re-checks a negotiationneeded that waited for a burst of changes to end. */
  private static final ScheduledExecutorService RECHECK =
      Executors.newSingleThreadScheduledExecutor(EventThreads.daemonFactory("jrtc-negotiation-"));

  /** The scheduler every connection shares. */
  static final Scheduler SHARED =
      (task, delayNanos) -> {
        ScheduledFuture<?> unused = RECHECK.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      };

  private final LongSupplier clock;
  private final Scheduler scheduler;
  private final BooleanSupplier onQueue;
  private final Consumer<Runnable> post;
  private final BooleanSupplier mayFire;
  private final Runnable fire;

  // Volatile: the operations chain reads it when it empties on a native thread.
  private volatile boolean needed;
  // libwebrtc's negotiation-needed reports, counted on its thread; the one that set the flag.
  private final AtomicLong raisedCount = new AtomicLong();
  private long raisedAt; // event queue only
  private volatile long lastOffQueueChange;
  private volatile boolean offQueueChangeSeen;
  private boolean recheckScheduled; // event queue only

  /**
   * @param clock nanoTime
   * @param scheduler where a re-check waits
   * @param onQueue whether the calling thread runs a task of the connection's queue
   * @param post runs a task on the connection's queue unless it is closed by then
   * @param mayFire the spec's other conditions: not closed, operations chain empty, stable
   * @param fire dispatches the "negotiationneeded" event (on the queue)
   */
  NegotiationNeeded(
      LongSupplier clock,
      Scheduler scheduler,
      BooleanSupplier onQueue,
      Consumer<Runnable> post,
      BooleanSupplier mayFire,
      Runnable fire) {
    this.clock = clock;
    this.scheduler = scheduler;
    this.onQueue = onQueue;
    this.post = post;
    this.mayFire = mayFire;
    this.fire = fire;
  }

  /** libwebrtc reported negotiation-needed (its signaling thread). */
  void raised() {
    long raised = raisedCount.incrementAndGet();
    post.accept(
        () -> {
          needed = true;
          raisedAt = raised;
          maybeFire();
        });
  }

  /** How many reports libwebrtc has made so far: taken before a description is handed to it. */
  long reportsSoFar() {
    return raisedCount.get();
  }

  /**
   * A description was applied (on the queue). Reports made before it was handed to libwebrtc
   * ({@code reportsBefore}) are answered by this exchange; a later one (libwebrtc raises it while
   * applying an answer that left something to negotiate, before its callback) is not.
   */
  void descriptionApplied(long reportsBefore) {
    if (raisedAt <= reportsBefore) {
      needed = false;
    }
  }

  /** The flag (any thread). */
  boolean isNeeded() {
    return needed;
  }

  /**
   * Remembers when a caller off the event queue last changed what the next offer holds. Called
   * before the native call too: libwebrtc raises negotiation-needed on its own thread while that
   * call is still returning.
   */
  void noteChange() {
    if (!onQueue.getAsBoolean()) {
      lastOffQueueChange = clock.getAsLong();
      offQueueChangeSeen = true;
    }
  }

  /** Fires the event if it is needed and allowed now, or re-checks once a burst went quiet. */
  void maybeFire() {
    if (!needed || !mayFire.getAsBoolean()) {
      return;
    }
    if (offQueueChangeSeen) {
      long quietFor = clock.getAsLong() - lastOffQueueChange;
      if (quietFor < QUIET_NANOS) {
        if (!recheckScheduled) {
          recheckScheduled = true;
          scheduler.schedule(
              () ->
                  post.accept(
                      () -> {
                        recheckScheduled = false;
                        maybeFire();
                      }),
              QUIET_NANOS - quietFor);
        }
        return;
      }
    }
    needed = false;
    fire.run();
  }
}

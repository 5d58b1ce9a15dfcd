package io.github.jrtc.internal.jfr;

/**
 * The phases of one chained operation, timed only while a recording has {@code
 * io.github.jrtc.Operation} enabled ({@link #start} returns null otherwise). Phase marks come from
 * the caller's thread, libwebrtc's callback and the event queue, in that order.
 */
public final class OperationTimer {
  private final OperationEvent event = new OperationEvent();
  private final long called;
  private volatile long started;
  private volatile long nativeDone;
  private volatile long nativeNanos;

  private OperationTimer(long connection, String kind) {
    event.connection = connection;
    event.kind = kind;
    event.begin();
    called = System.nanoTime();
  }

  /** A timer for a call made now, or null when no recording wants the event. */
  public static OperationTimer start(long connection, String kind) {
    return new OperationEvent().isEnabled() ? new OperationTimer(connection, kind) : null;
  }

  /** The operation left the chain's queue and starts (again, for a rerun). */
  public void started() {
    long now = System.nanoTime();
    if (started == 0) {
      event.chainWait = now - called;
    }
    started = now;
  }

  /** libwebrtc's callback (or jrtc's own decision) arrived. */
  public void nativeDone() {
    long now = System.nanoTime();
    nativeDone = now;
    nativeNanos += now - started;
  }

  /**
   * The promise completed (on the event queue).
   *
   * @param outcome "resolved", a DOMException name, or "closed" when it never settles
   */
  public void settled(String outcome) {
    long now = System.nanoTime();
    event.nativeTime = nativeNanos;
    event.settleTime = nativeDone == 0 ? 0 : now - nativeDone;
    event.outcome = outcome;
    event.commit();
  }
}

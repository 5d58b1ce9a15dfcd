package io.github.jrtc.internal.jfr;

/**
 * jrtc's JFR events ({@code io.github.jrtc.Operation}, {@code .EventDispatch}, {@code
 * .StateChange}; documented in docs/observability.md). Every entry point first asks an event
 * instance whether a recording wants it: until JFR starts, that is a constant false and the JIT
 * drops the instance.
 */
public final class JfrEvents {
  private JfrEvents() {}

  /** Whether a recording wants dispatch timings (queues then stamp their tasks). */
  public static boolean dispatchEnabled() {
    return new EventDispatchEvent().isEnabled();
  }

  /**
   * Records one dispatch that ran from {@code startNanos} until now.
   *
   * @param queuedAt when the queue task that dispatches was queued, 0 if unknown
   */
  public static void dispatched(
      long connection,
      String eventType,
      Object target,
      long queuedAt,
      long startNanos,
      int listeners) {
    long now = System.nanoTime();
    EventDispatchEvent e = new EventDispatchEvent();
    e.connection = connection;
    e.eventType = eventType;
    e.target = target.getClass().getSimpleName();
    e.queueWait = queuedAt == 0 ? 0 : startNanos - queuedAt;
    e.handlerTime = now - startNanos;
    e.listeners = listeners;
    e.commit();
  }

  /** Records a change of one of a connection's states ({@code state} names which). */
  public static void stateChanged(long connection, String state, Object from, Object to) {
    StateChangeEvent e = new StateChangeEvent();
    if (!e.isEnabled()) {
      return;
    }
    e.connection = connection;
    e.state = state;
    e.oldValue = String.valueOf(from);
    e.newValue = String.valueOf(to);
    e.commit();
  }
}

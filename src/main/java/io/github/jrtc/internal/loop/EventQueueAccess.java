package io.github.jrtc.internal.loop;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The event queue of a public object that has one (an {@code RTCPeerConnection}), for jrtc's own
 * code outside that object's package ({@code PerfectNegotiator} runs its steps there, as the spec's
 * example runs on the page's event loop) without a public accessor. The type registers itself once
 * from its static initialiser; this package is not exported.
 */
public final class EventQueueAccess {
  private static final ConcurrentHashMap<Class<?>, Function<Object, Executor>> QUEUES =
      new ConcurrentHashMap<>();

  private EventQueueAccess() {}

  /** Called once per type; a second registration is refused. */
  public static <T> void register(Class<T> type, Function<T, Executor> queueOf) {
    Function<Object, Executor> f = o -> queueOf.apply(type.cast(o));
    if (QUEUES.putIfAbsent(type, f) != null) {
      throw new IllegalStateException(type.getName() + "'s event queue is already registered");
    }
  }

  /** The event queue of {@code owner}, whose class registered one. */
  public static Executor of(Object owner) {
    Function<Object, Executor> f = null;
    for (Class<?> c = owner.getClass(); c != null && f == null; c = c.getSuperclass()) {
      f = QUEUES.get(c); // a subclass of the registered type has its queue too
    }
    if (f == null) {
      throw new IllegalArgumentException(owner.getClass().getName() + " has no event queue");
    }
    return f.apply(owner);
  }
}

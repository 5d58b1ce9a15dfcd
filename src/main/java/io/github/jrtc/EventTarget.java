package io.github.jrtc;

import io.github.jrtc.internal.jfr.JfrEvents;
import io.github.jrtc.internal.loop.SerialEventQueue;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DOM {@code EventTarget}: listeners per event type plus the {@code on...} handler attributes.
 * As in browsers, a handler attribute takes the listener slot where it was first set, so handlers
 * and listeners run in registration order; setting a handler again replaces it in place.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/EventTarget">MDN</a>.
 */
public abstract class EventTarget {
  private static final Logger LOG = LoggerFactory.getLogger(EventTarget.class);

  private final Map<String, CopyOnWriteArrayList<Slot>> slots = new ConcurrentHashMap<>();

  private static final class Slot {
    final boolean isHandlerAttribute;
    volatile EventHandler<Event> handler;

    Slot(boolean isHandlerAttribute, EventHandler<Event> handler) {
      this.isHandlerAttribute = isHandlerAttribute;
      this.handler = handler;
    }
  }

  /**
   * Adds a listener for events of {@code type}. The listener's parameter type must match what that
   * event type dispatches (e.g. {@code RTCPeerConnectionIceEvent} for "icecandidate"). Adding the
   * same listener twice has no effect, as in JS.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/EventTarget/addEventListener">MDN</a>.
   *
   * @param <E> the event type the listener takes
   * @param type the JS event type, e.g. "icecandidate"
   * @param listener the listener; null is ignored
   */
  public <E extends Event> void addEventListener(String type, EventHandler<E> listener) {
    if (type == null || listener == null) {
      return;
    }
    @SuppressWarnings("unchecked")
    EventHandler<Event> h = (EventHandler<Event>) listener;
    CopyOnWriteArrayList<Slot> list =
        slots.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>());
    synchronized (list) {
      for (Slot s : list) {
        if (!s.isHandlerAttribute && s.handler == h) {
          return;
        }
      }
      list.add(new Slot(false, h));
    }
  }

  /**
   * Removes a listener added with {@link #addEventListener}.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/EventTarget/removeEventListener">MDN</a>.
   *
   * @param <E> the event type the listener takes
   * @param type the JS event type
   * @param listener the listener to remove
   */
  public <E extends Event> void removeEventListener(String type, EventHandler<E> listener) {
    CopyOnWriteArrayList<Slot> list = type == null ? null : slots.get(type);
    if (list == null) {
      return;
    }
    synchronized (list) {
      list.removeIf(s -> !s.isHandlerAttribute && s.handler == listener);
    }
  }

  /**
   * Dispatches {@code event} synchronously to this target's handler and listeners.
   *
   * @return true, as jrtc events are not cancelable
   * @param event the event; its target is set to this object
   */
  public boolean dispatchEvent(Event event) {
    Objects.requireNonNull(event, "event");
    event.target(this);
    boolean timed = JfrEvents.dispatchEnabled();
    long start = timed ? System.nanoTime() : 0;
    int listeners = 0;
    CopyOnWriteArrayList<Slot> list = slots.get(event.type());
    if (list != null) {
      for (Slot s : list) {
        EventHandler<Event> h = s.handler;
        if (h == null) {
          continue;
        }
        listeners++;
        try {
          h.handle(event);
        } catch (RuntimeException | Error e) {
          // As in a browser, a throwing listener is reported and the others still run.
          LOG.warn("Uncaught exception in '{}' event handler of {}", event.type(), this, e);
        }
      }
    }
    if (timed) {
      SerialEventQueue q = SerialEventQueue.current();
      JfrEvents.dispatched(
          q == null ? 0 : q.connection(),
          event.type(),
          this,
          q == null ? 0 : q.runningTaskQueuedAt(),
          start,
          listeners);
    }
    return true;
  }

  /**
   * Sets (or with null, clears) the {@code on<type>} handler attribute.
   *
   * @param type the JS event type
   * @param handler the handler, or null
   */
  protected final void setEventHandler(String type, EventHandler<? extends Event> handler) {
    @SuppressWarnings("unchecked")
    EventHandler<Event> h = (EventHandler<Event>) handler;
    CopyOnWriteArrayList<Slot> list =
        slots.computeIfAbsent(type, k -> new CopyOnWriteArrayList<>());
    synchronized (list) {
      for (Slot s : list) {
        if (s.isHandlerAttribute) {
          if (h == null) {
            list.remove(s);
          } else {
            s.handler = h;
          }
          return;
        }
      }
      if (h != null) {
        list.add(new Slot(true, h));
      }
    }
  }

  /**
   * Whether anything listens for {@code type}; lets hot paths skip building an event.
   *
   * @param type the JS event type
   * @return whether a handler or listener is set for it
   */
  protected final boolean hasListeners(String type) {
    CopyOnWriteArrayList<Slot> list = slots.get(type);
    return list != null && !list.isEmpty();
  }
}

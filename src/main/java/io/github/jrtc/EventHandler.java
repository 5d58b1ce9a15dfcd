package io.github.jrtc;

/**
 * A JS event handler or listener: {@code pc.onicecandidate(e -> ...)}. Handlers run on the owning
 * object's event queue; an exception thrown by one is logged and does not stop the others.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/Events/Event_handlers">MDN</a>.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventHandler<E extends Event> {
  /**
   * Handles one event.
   *
   * @param event the event
   */
  void handle(E event);
}

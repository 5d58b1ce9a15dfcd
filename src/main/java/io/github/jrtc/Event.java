package io.github.jrtc;

/**
 * The DOM {@code Event}: a type string plus the moment it was created. Subclasses add the
 * attributes of the spec's event interfaces.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Event">MDN</a>.
 */
public class Event {
  private final String type;
  private final double timeStamp;
  private volatile EventTarget target;

  public Event(String type) {
    if (type == null) {
      throw new TypeError("Event type must not be null");
    }
    this.type = type;
    this.timeStamp = System.currentTimeMillis();
  }

  /** The event type, as in JS: {@code "icecandidate"}, {@code "message"}, ... */
  public String type() {
    return type;
  }

  /** Milliseconds since the epoch at which the event was created. */
  public double timeStamp() {
    return timeStamp;
  }

  /** The object the event was dispatched at, or null before dispatch. */
  public EventTarget target() {
    return target;
  }

  /** Same as {@link #target()}: jrtc has no event bubbling. */
  public EventTarget currentTarget() {
    return target;
  }

  void target(EventTarget target) {
    this.target = target;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[type=" + type + "]";
  }
}

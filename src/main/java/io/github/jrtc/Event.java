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

  /**
   * An event of the given type, created now.
   *
   * @param type the JS event type (TypeError when null)
   */
  public Event(String type) {
    if (type == null) {
      throw new TypeError("Event type must not be null");
    }
    this.type = type;
    this.timeStamp = System.currentTimeMillis();
  }

  /**
   * The event type, as in JS: {@code "icecandidate"}, {@code "message"}, ...
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Event/type">MDN</a>.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * Milliseconds since the epoch at which the event was created.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Event/timeStamp">MDN</a>.
   *
   * @return the creation time
   */
  public double timeStamp() {
    return timeStamp;
  }

  /**
   * The object the event was dispatched at, or null before dispatch.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Event/target">MDN</a>.
   *
   * @return the target, or null
   */
  public EventTarget target() {
    return target;
  }

  /**
   * Same as {@link #target()}: jrtc has no event bubbling.
   *
   * @return the target, or null
   */
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

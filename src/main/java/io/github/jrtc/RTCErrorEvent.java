package io.github.jrtc;

/**
 * An "error" event carrying an {@link RTCError}, e.g. a data channel's transport failing.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCErrorEvent">MDN</a>.
 */
public final class RTCErrorEvent extends Event {
  private final RTCError error;

  /**
   * An error event.
   *
   * @param type "error"
   * @param error the error
   */
  public RTCErrorEvent(String type, RTCError error) {
    super(type);
    this.error = error;
  }

  /**
   * The error that happened.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCErrorEvent/error">MDN</a>.
   *
   * @return the error
   */
  public RTCError error() {
    return error;
  }
}

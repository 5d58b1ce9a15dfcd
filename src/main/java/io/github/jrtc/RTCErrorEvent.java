package io.github.jrtc;

/**
 * An "error" event carrying an {@link RTCError}, e.g. a data channel's transport failing.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCErrorEvent">MDN</a>.
 */
public final class RTCErrorEvent extends Event {
  private final RTCError error;

  public RTCErrorEvent(String type, RTCError error) {
    super(type);
    this.error = error;
  }

  public RTCError error() {
    return error;
  }
}

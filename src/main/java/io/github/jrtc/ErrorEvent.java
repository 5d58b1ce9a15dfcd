package io.github.jrtc;

/**
 * The {@code error} event of a {@link MediaRecorder}; {@link #error()} says what went wrong.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/ErrorEvent">MDN</a>.
 */
public class ErrorEvent extends Event {
  private final DOMException error;

  /**
   * Creates the event, as JS's {@code new ErrorEvent(type, {error})}.
   *
   * @param type the event type, normally {@code "error"}
   * @param error what went wrong; may be null
   */
  public ErrorEvent(String type, DOMException error) {
    super(type);
    this.error = error;
  }

  /**
   * The error, e.g. InvalidModificationError when the stream's track set changed.
   *
   * @return the error given at construction, possibly null
   */
  public DOMException error() {
    return error;
  }

  /**
   * The error's message, as the DOM's {@code ErrorEvent.message}.
   *
   * @return the error's message, or {@code ""} when there is no error
   */
  public String message() {
    return error == null ? "" : error.getMessage();
  }
}

package io.github.jrtc;

/** The {@code error} event of a {@link MediaRecorder}; {@link #error()} says what went wrong. */
public class ErrorEvent extends Event {
  private final DOMException error;

  public ErrorEvent(String type, DOMException error) {
    super(type);
    this.error = error;
  }

  /** The error, e.g. InvalidModificationError when the stream's track set changed. */
  public DOMException error() {
    return error;
  }

  /** The error's message, as the DOM's {@code ErrorEvent.message}. */
  public String message() {
    return error == null ? "" : error.getMessage();
  }
}

package io.github.jrtc;

/**
 * The DOM's {@code DOMException}: {@link #name()} is the spec's error name ("InvalidStateError",
 * "OperationError", ...) and {@link #getMessage()} says what went wrong. Unchecked; a failed
 * future's cause is the exception itself.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/DOMException">MDN</a>.
 */
public class DOMException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The spec's error name. */
  private final String name;

  /**
   * As JS's {@code new DOMException(message, name)}.
   *
   * @param message what was wrong, in words
   * @param name the spec's error name
   */
  public DOMException(String message, String name) {
    super(message);
    this.name = name == null ? "Error" : name;
  }

  /**
   * The spec's error name, e.g. "InvalidStateError".
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/DOMException/name">MDN</a>.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name + ": " + getMessage();
  }
}

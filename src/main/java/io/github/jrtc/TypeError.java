package io.github.jrtc;

/**
 * JS's {@code TypeError}: a bad argument, decided before anything else happens.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/TypeError">MDN</a>.
 */
public class TypeError extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * A TypeError saying what was wrong.
   *
   * @param message what was wrong, in words
   */
  public TypeError(String message) {
    super(message);
  }

  @Override
  public String toString() {
    return "TypeError: " + getMessage();
  }
}

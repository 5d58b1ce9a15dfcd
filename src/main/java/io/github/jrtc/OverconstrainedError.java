package io.github.jrtc;

/**
 * getUserMedia's error when no device satisfies a required constraint.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/OverconstrainedError">MDN</a>.
 */
public class OverconstrainedError extends DOMException {
  private static final long serialVersionUID = 1L;

  /** The constraint that could not be satisfied. */
  private final String constraint;

  /**
   * An OverconstrainedError for {@code constraint}.
   *
   * @param constraint the name of the constraint that could not be satisfied
   * @param message what was wrong
   */
  public OverconstrainedError(String constraint, String message) {
    super(message, "OverconstrainedError");
    this.constraint = constraint;
  }

  /**
   * The name of the constraint that could not be satisfied.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/OverconstrainedError/constraint">MDN</a>.
   *
   * @return the constraint name
   */
  public String constraint() {
    return constraint;
  }
}

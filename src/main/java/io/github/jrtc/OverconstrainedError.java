package io.github.jrtc;

/**
 * getUserMedia's error when no device satisfies a required constraint.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/OverconstrainedError">MDN</a>.
 */
public class OverconstrainedError extends DOMException {
  private static final long serialVersionUID = 1L;

  private final String constraint;

  public OverconstrainedError(String constraint, String message) {
    super(message, "OverconstrainedError");
    this.constraint = constraint;
  }

  /** The name of the constraint that could not be satisfied. */
  public String constraint() {
    return constraint;
  }
}

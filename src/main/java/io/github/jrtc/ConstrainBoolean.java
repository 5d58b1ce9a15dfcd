package io.github.jrtc;

import java.util.Objects;

/**
 * The spec's {@code ConstrainBoolean}: a bare boolean ({@link #of}) or a {@code
 * ConstrainBooleanParameters} with {@code exact} and {@code ideal}. JS {@code {echoCancellation:
 * false}} is {@code ConstrainBoolean.of(false)}.
 *
 * <p>A bare value means {@code ideal} in the basic constraint set and {@code exact} inside {@code
 * advanced}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaTrackConstraints">MDN</a>.
 */
public final class ConstrainBoolean {
  private final Boolean exact;
  private final Boolean ideal;
  private final boolean bare;

  /**
   * As the dictionary {@code {exact, ideal}}; null members are left out.
   *
   * @param exact the required value, or null
   * @param ideal the preferred value, or null
   */
  public ConstrainBoolean(Boolean exact, Boolean ideal) {
    this(exact, ideal, false);
  }

  private ConstrainBoolean(Boolean exact, Boolean ideal, boolean bare) {
    this.exact = exact;
    this.ideal = ideal;
    this.bare = bare;
  }

  /**
   * A bare value: JS {@code {echoCancellation: false}}.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainBoolean of(boolean value) {
    return new ConstrainBoolean(null, value, true);
  }

  /**
   * Exactly {@code value}: a required constraint.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainBoolean exact(boolean value) {
    return new ConstrainBoolean(value, null);
  }

  /**
   * Preferred, not required.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainBoolean ideal(boolean value) {
    return new ConstrainBoolean(null, value);
  }

  /**
   * The {@code exact} member, or null.
   *
   * @return the value, or null
   */
  public Boolean exact() {
    return exact;
  }

  /**
   * The ideal value; for a bare value, the value itself.
   *
   * @return the value, or null
   */
  public Boolean ideal() {
    return ideal;
  }

  /**
   * Whether this was given as a bare value (JS {@code {echoCancellation: false}}) rather than a
   * dictionary: ideal in the basic set, exact inside {@code advanced}.
   *
   * @return true for a bare value
   */
  public boolean isBareValue() {
    return bare;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstrainBoolean c
        && bare == c.bare
        && Objects.equals(exact, c.exact)
        && Objects.equals(ideal, c.ideal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(exact, ideal, bare);
  }

  @Override
  public String toString() {
    return bare ? String.valueOf(ideal) : Ranges.describe(null, null, exact, ideal);
  }
}

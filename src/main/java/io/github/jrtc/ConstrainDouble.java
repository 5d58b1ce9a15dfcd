package io.github.jrtc;

import java.util.Objects;

/**
 * The spec's {@code ConstrainDouble}: a bare number ({@link #of}) or a {@code ConstrainDoubleRange}
 * with {@code min}, {@code max}, {@code exact} and {@code ideal}. JS {@code {frameRate: 30}} is
 * {@code ConstrainDouble.of(30)}; {@code {aspectRatio: {min: 1.3, ideal: 1.7777}}} is {@code new
 * ConstrainDouble(1.3, null, null, 1.7777)}.
 *
 * <p>A bare value means {@code ideal} in the basic constraint set and {@code exact} inside {@code
 * advanced}, as the spec says; {@link #isBareValue()} tells them apart.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaTrackConstraints">MDN</a>.
 */
public final class ConstrainDouble {
  private final Double min;
  private final Double max;
  private final Double exact;
  private final Double ideal;
  private final boolean bare;

  /**
   * As the dictionary {@code {min, max, exact, ideal}}; null members are left out.
   *
   * @param min the minimum, or null
   * @param max the maximum, or null
   * @param exact the required value, or null
   * @param ideal the preferred value, or null
   */
  public ConstrainDouble(Double min, Double max, Double exact, Double ideal) {
    this(min, max, exact, ideal, false);
  }

  private ConstrainDouble(Double min, Double max, Double exact, Double ideal, boolean bare) {
    check(min, "min");
    check(max, "max");
    check(exact, "exact");
    check(ideal, "ideal");
    this.min = min;
    this.max = max;
    this.exact = exact;
    this.ideal = ideal;
    this.bare = bare;
  }

  private static void check(Double v, String what) {
    if (v != null && !Double.isFinite(v)) {
      throw new TypeError(what + " must be a finite number, got " + v);
    }
  }

  /**
   * A bare value: JS {@code {frameRate: 30}}.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainDouble of(double value) {
    return new ConstrainDouble(null, null, null, value, true);
  }

  /**
   * Exactly {@code value}: a required constraint.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainDouble exact(double value) {
    return new ConstrainDouble(null, null, value, null);
  }

  /**
   * {@code ideal: value}: preferred, not required.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainDouble ideal(double value) {
    return new ConstrainDouble(null, null, null, value);
  }

  /**
   * At least {@code value}: a required constraint.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainDouble min(double value) {
    return new ConstrainDouble(value, null, null, null);
  }

  /**
   * At most {@code value}: a required constraint.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainDouble max(double value) {
    return new ConstrainDouble(null, value, null, null);
  }

  /**
   * Between {@code min} and {@code max}: a required constraint.
   *
   * @param min the minimum
   * @param max the maximum
   * @return the constraint
   */
  public static ConstrainDouble range(double min, double max) {
    return new ConstrainDouble(min, max, null, null);
  }

  /**
   * The {@code min} member, or null.
   *
   * @return the value, or null
   */
  public Double min() {
    return min;
  }

  /**
   * The {@code max} member, or null.
   *
   * @return the value, or null
   */
  public Double max() {
    return max;
  }

  /**
   * The {@code exact} member, or null.
   *
   * @return the value, or null
   */
  public Double exact() {
    return exact;
  }

  /**
   * The ideal value; for a bare value, the value itself.
   *
   * @return the value, or null
   */
  public Double ideal() {
    return ideal;
  }

  /**
   * Whether this was given as a bare value (JS {@code {frameRate: 30}}) rather than a dictionary:
   * ideal in the basic set, exact inside {@code advanced}.
   *
   * @return true for a bare value
   */
  public boolean isBareValue() {
    return bare;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstrainDouble c
        && bare == c.bare
        && Objects.equals(min, c.min)
        && Objects.equals(max, c.max)
        && Objects.equals(exact, c.exact)
        && Objects.equals(ideal, c.ideal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(min, max, exact, ideal, bare);
  }

  @Override
  public String toString() {
    return bare ? String.valueOf(ideal) : Ranges.describe(min, max, exact, ideal);
  }
}

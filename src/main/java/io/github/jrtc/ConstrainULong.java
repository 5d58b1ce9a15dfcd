package io.github.jrtc;

import java.util.Objects;

/**
 * The spec's {@code ConstrainULong}: a bare number ({@link #of}) or a {@code ConstrainULongRange}
 * with {@code min}, {@code max}, {@code exact} and {@code ideal}. JS {@code {width: 640}} is {@code
 * ConstrainULong.of(640)}; {@code {width: {min: 640, ideal: 1280}}} is {@code new
 * ConstrainULong(640L, null, null, 1280L)}.
 *
 * <p>A bare value means {@code ideal} in the basic constraint set and {@code exact} inside {@code
 * advanced}, as the spec says; {@link #isBareValue()} tells them apart.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaTrackConstraints">MDN</a>.
 */
public final class ConstrainULong {
  private final Long min;
  private final Long max;
  private final Long exact;
  private final Long ideal;
  private final boolean bare;

  /**
   * As the dictionary {@code {min, max, exact, ideal}}; null members are left out.
   *
   * @param min the minimum, or null
   * @param max the maximum, or null
   * @param exact the required value, or null
   * @param ideal the preferred value, or null
   */
  public ConstrainULong(Long min, Long max, Long exact, Long ideal) {
    this(min, max, exact, ideal, false);
  }

  private ConstrainULong(Long min, Long max, Long exact, Long ideal, boolean bare) {
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

  private static void check(Long v, String what) {
    if (v != null && (v < 0 || v > 0xFFFF_FFFFL)) {
      throw new TypeError(what + " must be an unsigned long (0 to 4294967295), got " + v);
    }
  }

  /**
   * A bare value: JS {@code {width: 640}}.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainULong of(long value) {
    return new ConstrainULong(null, null, null, value, true);
  }

  /**
   * Exactly {@code value}: a required constraint.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainULong exact(long value) {
    return new ConstrainULong(null, null, value, null);
  }

  /**
   * {@code ideal: value}: preferred, not required.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainULong ideal(long value) {
    return new ConstrainULong(null, null, null, value);
  }

  /**
   * At least {@code value}: a required constraint.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainULong min(long value) {
    return new ConstrainULong(value, null, null, null);
  }

  /**
   * At most {@code value}: a required constraint.
   *
   * @param value the value
   * @return the constraint
   */
  public static ConstrainULong max(long value) {
    return new ConstrainULong(null, value, null, null);
  }

  /**
   * Between {@code min} and {@code max}: a required constraint.
   *
   * @param min the minimum
   * @param max the maximum
   * @return the constraint
   */
  public static ConstrainULong range(long min, long max) {
    return new ConstrainULong(min, max, null, null);
  }

  /**
   * The {@code min} member, or null.
   *
   * @return the value, or null
   */
  public Long min() {
    return min;
  }

  /**
   * The {@code max} member, or null.
   *
   * @return the value, or null
   */
  public Long max() {
    return max;
  }

  /**
   * The {@code exact} member, or null.
   *
   * @return the value, or null
   */
  public Long exact() {
    return exact;
  }

  /**
   * The ideal value; for a bare value, the value itself.
   *
   * @return the value, or null
   */
  public Long ideal() {
    return ideal;
  }

  /**
   * Whether this was given as a bare value (JS {@code {width: 640}}) rather than a dictionary:
   * ideal in the basic set, exact inside {@code advanced}.
   *
   * @return true for a bare value
   */
  public boolean isBareValue() {
    return bare;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstrainULong c
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

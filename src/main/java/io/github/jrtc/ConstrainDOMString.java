package io.github.jrtc;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The spec's {@code ConstrainDOMString}: a bare string or list ({@link #of}) or a {@code
 * ConstrainDOMStringParameters} with {@code exact} and {@code ideal} (each one string or a list).
 * JS {@code {deviceId: {exact: id}}} is {@code ConstrainDOMString.exact(id)}; {@code {facingMode:
 * "user"}} is {@code ConstrainDOMString.of("user")}.
 *
 * <p>A bare value means {@code ideal} in the basic constraint set and {@code exact} inside {@code
 * advanced}. Absent members are null; present ones are unmodifiable lists.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaTrackConstraints">MDN</a>.
 */
public final class ConstrainDOMString {
  private final List<String> exact;
  private final List<String> ideal;
  private final boolean bare;

  /**
   * As the dictionary {@code {exact, ideal}}; null members are left out.
   *
   * @param exact the accepted values, or null
   * @param ideal the preferred values, or null
   */
  public ConstrainDOMString(List<String> exact, List<String> ideal) {
    this(exact, ideal, false);
  }

  private ConstrainDOMString(List<String> exact, List<String> ideal, boolean bare) {
    this.exact = copy(exact, "exact");
    this.ideal = copy(ideal, "ideal");
    this.bare = bare;
  }

  private static List<String> copy(List<String> values, String what) {
    if (values == null) {
      return null;
    }
    for (String v : values) {
      if (v == null) {
        throw new TypeError(what + " must not contain null");
      }
    }
    return List.copyOf(values);
  }

  /**
   * A bare value: JS {@code {facingMode: "user"}} or {@code {facingMode: ["user", "left"]}}.
   *
   * @param values the values
   * @return the constraint
   */
  public static ConstrainDOMString of(String... values) {
    return new ConstrainDOMString(null, Arrays.asList(values), true);
  }

  /**
   * Exactly one of {@code values}: a required constraint.
   *
   * @param values the values
   * @return the constraint
   */
  public static ConstrainDOMString exact(String... values) {
    return new ConstrainDOMString(Arrays.asList(values), null);
  }

  /**
   * Preferred, not required.
   *
   * @param values the values
   * @return the constraint
   */
  public static ConstrainDOMString ideal(String... values) {
    return new ConstrainDOMString(null, Arrays.asList(values));
  }

  /**
   * The {@code exact} member, or null.
   *
   * @return the value, or null
   */
  public List<String> exact() {
    return exact;
  }

  /**
   * The ideal values; for a bare value, the values themselves.
   *
   * @return the value, or null
   */
  public List<String> ideal() {
    return ideal;
  }

  /**
   * Whether this was given as a bare value (JS {@code {facingMode: "user"}}) rather than a
   * dictionary: ideal in the basic set, exact inside {@code advanced}.
   *
   * @return true for a bare value
   */
  public boolean isBareValue() {
    return bare;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstrainDOMString c
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

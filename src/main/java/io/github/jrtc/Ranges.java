package io.github.jrtc;

/** The JS-like text of a range dictionary, for messages and toString(). */
final class Ranges {
  private Ranges() {}

  static String describe(Object min, Object max, Object exact, Object ideal) {
    StringBuilder sb = new StringBuilder("{");
    append(sb, "min", min);
    append(sb, "max", max);
    append(sb, "exact", exact);
    append(sb, "ideal", ideal);
    return sb.append('}').toString();
  }

  private static void append(StringBuilder sb, String name, Object value) {
    if (value != null) {
      if (sb.length() > 1) {
        sb.append(", ");
      }
      sb.append(name).append(": ").append(value);
    }
  }
}

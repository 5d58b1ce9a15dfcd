package io.github.jrtc.internal.capture;

import io.github.jrtc.ConstrainBoolean;
import io.github.jrtc.ConstrainDOMString;
import io.github.jrtc.ConstrainDouble;
import io.github.jrtc.ConstrainULong;
import io.github.jrtc.MediaTrackConstraintSet;
import io.github.jrtc.MediaTrackConstraints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec's SelectSettings algorithm and fitness distance (Media Capture and Streams,
 * "Constrainable Pattern"). A candidate is one settings dictionary a source could run with
 * (property name to a {@link Number}, {@link String} or {@link Boolean}); a property a source does
 * not have is simply absent. Pure Java, so that it is tested without devices.
 */
public final class SelectSettings {
  /** Relative tolerance for exact/min/max on numbers (aspect ratios are not exact in binary). */
  private static final double EPSILON = 1e-6;

  private SelectSettings() {}

  /** What SelectSettings chose: a candidate, or the constraint that ruled every candidate out. */
  public record Outcome<C>(C chosen, String failedConstraint) {
    public boolean satisfied() {
      return chosen != null;
    }
  }

  /** A candidate with its settings dictionary. */
  public record Candidate<C>(C value, Map<String, Object> settings) {}

  /**
   * Runs SelectSettings over {@code candidates} in order (the first of equally fit candidates wins,
   * so put the preferred, e.g. default, ones first). {@code applicable} are the properties defined
   * for this kind of track: others in {@code constraints} are removed first, as getUserMedia says.
   */
  public static <C> Outcome<C> select(
      List<Candidate<C>> candidates, MediaTrackConstraints constraints, Set<String> applicable) {
    Map<String, Object> basic = filter(constraints.asMap(), applicable);
    List<Candidate<C>> feasible = new ArrayList<>();
    for (Candidate<C> c : candidates) {
      if (Double.isFinite(distance(c.settings(), basic, false))) {
        feasible.add(c);
      }
    }
    if (feasible.isEmpty()) {
      return new Outcome<>(null, failedConstraint(candidates, basic));
    }
    for (MediaTrackConstraintSet set : constraints.advanced()) {
      Map<String, Object> adv = filter(set.asMap(), applicable);
      List<Candidate<C>> kept = new ArrayList<>();
      for (Candidate<C> c : feasible) {
        if (Double.isFinite(distance(c.settings(), adv, true))) {
          kept.add(c);
        }
      }
      if (!kept.isEmpty()) {
        feasible = kept;
      }
    }
    Candidate<C> best = null;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (Candidate<C> c : feasible) {
      double d = distance(c.settings(), basic, false);
      if (best == null || d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return new Outcome<>(best.value(), null);
  }

  /**
   * The first required constraint that no candidate satisfies on its own; the spec allows any such
   * one, and "" when only a combination fails.
   */
  private static <C> String failedConstraint(
      List<Candidate<C>> candidates, Map<String, Object> basic) {
    for (Map.Entry<String, Object> e : basic.entrySet()) {
      if (!isRequired(e.getValue(), false)) {
        continue;
      }
      boolean anySatisfies = false;
      for (Candidate<C> c : candidates) {
        if (Double.isFinite(distance(c.settings(), Map.of(e.getKey(), e.getValue()), false))) {
          anySatisfies = true;
          break;
        }
      }
      if (!anySatisfies) {
        return e.getKey();
      }
    }
    return "";
  }

  private static Map<String, Object> filter(Map<String, Object> set, Set<String> applicable) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    set.forEach(
        (k, v) -> {
          if (applicable.contains(k)) {
            out.put(k, v);
          }
        });
    return out;
  }

  /**
   * The fitness distance between a settings dictionary and a constraint set. In an advanced set
   * bare values are exact and ideals do not count.
   */
  public static double distance(
      Map<String, Object> settings, Map<String, Object> set, boolean advanced) {
    double total = 0;
    for (Map.Entry<String, Object> e : set.entrySet()) {
      double d = distance(settings.get(e.getKey()), e.getValue(), advanced);
      if (Double.isInfinite(d)) {
        return d;
      }
      total += d;
    }
    return total;
  }

  static boolean isRequired(Object constraint, boolean advanced) {
    if (constraint instanceof ConstrainULong c) {
      return c.min() != null
          || c.max() != null
          || c.exact() != null
          || (advanced && c.isBareValue());
    }
    if (constraint instanceof ConstrainDouble c) {
      return c.min() != null
          || c.max() != null
          || c.exact() != null
          || (advanced && c.isBareValue());
    }
    if (constraint instanceof ConstrainDOMString c) {
      return c.exact() != null || (advanced && c.isBareValue());
    }
    if (constraint instanceof ConstrainBoolean c) {
      return c.exact() != null || (advanced && c.isBareValue());
    }
    return false;
  }

  private static double distance(Object actual, Object constraint, boolean advanced) {
    boolean required = isRequired(constraint, advanced);
    if (actual == null) {
      // The property does not apply to this source: only a requirement can fail on it.
      return required ? Double.POSITIVE_INFINITY : 0;
    }
    if (constraint instanceof ConstrainULong c) {
      return numeric(
          actual,
          toDouble(c.min()),
          toDouble(c.max()),
          toDouble(advanced && c.isBareValue() ? c.ideal() : c.exact()),
          advanced ? null : toDouble(c.ideal()));
    }
    if (constraint instanceof ConstrainDouble c) {
      return numeric(
          actual,
          c.min(),
          c.max(),
          advanced && c.isBareValue() ? c.ideal() : c.exact(),
          advanced ? null : c.ideal());
    }
    if (constraint instanceof ConstrainDOMString c) {
      List<String> exact = advanced && c.isBareValue() ? c.ideal() : c.exact();
      if (exact != null && !exact.contains(String.valueOf(actual))) {
        return Double.POSITIVE_INFINITY;
      }
      List<String> ideal = advanced ? null : c.ideal();
      return ideal == null || ideal.contains(String.valueOf(actual)) ? 0 : 1;
    }
    if (constraint instanceof ConstrainBoolean c) {
      Boolean exact = advanced && c.isBareValue() ? c.ideal() : c.exact();
      if (exact != null && !exact.equals(actual)) {
        return Double.POSITIVE_INFINITY;
      }
      Boolean ideal = advanced ? null : c.ideal();
      return ideal == null || ideal.equals(actual) ? 0 : 1;
    }
    return 0;
  }

  private static double numeric(Object actual, Double min, Double max, Double exact, Double ideal) {
    if (!(actual instanceof Number n)) {
      return min != null || max != null || exact != null ? Double.POSITIVE_INFINITY : 0;
    }
    double a = n.doubleValue();
    if (min != null && a < min - tolerance(min)) {
      return Double.POSITIVE_INFINITY;
    }
    if (max != null && a > max + tolerance(max)) {
      return Double.POSITIVE_INFINITY;
    }
    if (exact != null && Math.abs(a - exact) > tolerance(exact)) {
      return Double.POSITIVE_INFINITY;
    }
    if (ideal == null || Math.abs(a - ideal) <= tolerance(ideal)) {
      return 0;
    }
    return Math.abs(a - ideal) / Math.max(Math.abs(a), Math.abs(ideal));
  }

  private static double tolerance(double v) {
    return Math.max(Math.abs(v), 1) * EPSILON;
  }

  private static Double toDouble(Long v) {
    return v == null ? null : v.doubleValue();
  }
}

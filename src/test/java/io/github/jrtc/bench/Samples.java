package io.github.jrtc.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A growing list of measurements with the order statistics the table needs. */
final class Samples {
  private final List<Double> values = new ArrayList<>();

  void add(double v) {
    values.add(v);
  }

  void addAll(Samples other) {
    values.addAll(other.values);
  }

  /** The i-th value in insertion order. */
  double get(int i) {
    return values.get(i);
  }

  int size() {
    return values.size();
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  /** The q-quantile (0..1) by nearest rank. */
  double quantile(double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  /** The middle value; the mean of the two middle ones for an even count. */
  double median() {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /**
   * A distribution-free 95% confidence interval of the median: the order statistics n/2 ∓ 0.98·√n
   * (the binomial sign-test interval, normal approximation), as {low, high}.
   */
  double[] medianInterval95() {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    if (n < 6) {
      return new double[] {Double.NaN, Double.NaN};
    }
    int half = (int) Math.ceil(0.98 * Math.sqrt(n));
    int lo = Math.max(0, n / 2 - half);
    int hi = Math.min(n - 1, (n - 1) / 2 + half);
    return new double[] {sorted.get(lo), sorted.get(hi)};
  }

  double min() {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double max() {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}

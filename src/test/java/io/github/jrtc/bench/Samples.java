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

  double min() {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double max() {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}

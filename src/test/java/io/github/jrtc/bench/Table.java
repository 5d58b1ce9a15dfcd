package io.github.jrtc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's one Markdown table: {@code | metric | jrtc | raw webrtc-java | jrtc/raw |}. */
final class Table {
  private final List<String[]> rows = new ArrayList<>();

  /** A row from per-round values: median (min–max). */
  void add(String metric, Bench.PerSide values, String format) {
    Samples j = values.get(0);
    Samples r = values.get(1);
    rows.add(
        new String[] {
          metric, cell(j, format), cell(r, format), ratio(j.median(), r.median()) + paired(j, r)
        });
  }

  /**
   * The per-round ratios (round i of jrtc over round i of raw, measured back to back): their median
   * and range, which drift in machine load between rounds does not widen.
   */
  private static String paired(Samples j, Samples r) {
    if (j.size() < 2 || j.size() != r.size()) {
      return "";
    }
    Samples ratios = new Samples();
    for (int i = 0; i < j.size(); i++) {
      if (r.get(i) != 0) {
        ratios.add(j.get(i) / r.get(i));
      }
    }
    if (ratios.size() < 2) {
      return "";
    }
    return String.format(
        Locale.ROOT, " [%.2f (%.2f–%.2f)]", ratios.median(), ratios.min(), ratios.max());
  }

  /** A row from every sample pooled: its q-quantile, and how many samples. */
  void addPooled(String metric, Bench.PerSide values, double q, String format) {
    Samples j = values.get(0);
    Samples r = values.get(1);
    rows.add(
        new String[] {
          metric, pooled(j, q, format), pooled(r, q, format), ratio(j.quantile(q), r.quantile(q))
        });
  }

  void note(String metric, String jrtc, String raw) {
    rows.add(new String[] {metric, jrtc, raw, "–"});
  }

  private static String cell(Samples s, String format) {
    if (s.isEmpty()) {
      return "n/a";
    }
    String median = String.format(Locale.ROOT, format, s.median());
    if (s.size() == 1) {
      return median + " (n=1)";
    }
    return median
        + " ("
        + String.format(Locale.ROOT, format, s.min())
        + "–"
        + String.format(Locale.ROOT, format, s.max())
        + ")";
  }

  private static String pooled(Samples s, double q, String format) {
    if (s.isEmpty()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, format, s.quantile(q)) + " (n=" + s.size() + ")";
  }

  private static String ratio(double jrtc, double raw) {
    if (Double.isNaN(jrtc) || Double.isNaN(raw) || raw == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f", jrtc / raw);
  }

  String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| metric | jrtc | raw webrtc-java | jrtc/raw |\n");
    out.append("|---|---|---|---|\n");
    for (String[] row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }
}

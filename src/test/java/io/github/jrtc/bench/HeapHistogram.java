package io.github.jrtc.bench;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Live-object class histograms (GC.class_histogram, which runs a full GC first) and their diff. */
final class HeapHistogram {
  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  private HeapHistogram() {}

  /**
   * The histogram as jcmd prints it. Kept as one string, not parsed, until compared: a parsed map
   * (thousands of entries) would show up in the next histogram as growth.
   */
  static String snapshot() {
    return Diagnostics.run("gcClassHistogram");
  }

  /** Class name to {instances, bytes}. */
  private static Map<String, long[]> parse(String histogram) {
    Map<String, long[]> m = new HashMap<>();
    for (String line : histogram.split("\n")) {
      Matcher r = ROW.matcher(line);
      if (r.find()) {
        m.put(r.group(3), new long[] {Long.parseLong(r.group(1)), Long.parseLong(r.group(2))});
      }
    }
    return m;
  }

  /** The {@code top} classes whose live bytes grew most from {@code before} to {@code after}. */
  static String growth(String beforeText, String afterText, int top) {
    Map<String, long[]> before = parse(beforeText);
    Map<String, long[]> after = parse(afterText);
    StringBuilder sb = new StringBuilder();
    after.entrySet().stream()
        .map(
            e -> {
              long[] b = before.getOrDefault(e.getKey(), new long[2]);
              return Map.entry(
                  e.getKey(), new long[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
            })
        .filter(e -> e.getValue()[1] > 0)
        .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[1]))
        .limit(top)
        .forEach(
            e ->
                sb.append(
                    String.format(
                        Locale.ROOT,
                        "  %+9d instances %+11d bytes  %s%n",
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getKey())));
    return sb.length() == 0 ? "  (none)\n" : sb.toString();
  }
}

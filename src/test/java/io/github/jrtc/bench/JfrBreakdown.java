package io.github.jrtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * {@code scripts/bench --jfr}: records jrtc's own JFR events over the measured rounds and prints,
 * per operation kind and per dispatched event type, the p50 and p99 of each phase, so a tail can be
 * attributed to the chain, libwebrtc, or the hand-off back to the caller.
 */
final class JfrBreakdown implements AutoCloseable {
  private final Recording recording = new Recording();
  private final Path file;

  private JfrBreakdown(Path file) {
    this.file = file;
    recording.setName("jrtc-bench");
    for (String event : List.of("Operation", "EventDispatch", "StateChange")) {
      recording.enable("io.github.jrtc." + event).withoutThreshold().withoutStackTrace();
    }
  }

  static JfrBreakdown start() throws IOException {
    Path file = Files.createTempFile("jrtc-bench-", ".jfr");
    JfrBreakdown b = new JfrBreakdown(file);
    b.recording.start();
    return b;
  }

  /** Stops the recording and returns the breakdown as Markdown (the .jfr file is kept). */
  String stop() throws IOException {
    recording.stop();
    recording.dump(file);
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "JFR breakdown (%s), jrtc side only, µs:%n%n", file));
    out.append("| operation | phase | n | p50 | p90 | p99 | p99.9 | max |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    Map<String, List<RecordedEvent>> byKind = group(events, "Operation", e -> e.getString("kind"));
    for (Map.Entry<String, List<RecordedEvent>> kind : byKind.entrySet()) {
      List<RecordedEvent> ops = kind.getValue();
      row(out, kind.getKey(), "chain wait", ops, e -> e.getDuration("chainWait"));
      row(out, kind.getKey(), "native", ops, e -> e.getDuration("nativeTime"));
      row(out, kind.getKey(), "settle", ops, e -> e.getDuration("settleTime"));
      row(out, kind.getKey(), "total", ops, RecordedEvent::getDuration);
    }
    out.append("\n| event | phase | n | p50 | p90 | p99 | p99.9 | max |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    Map<String, List<RecordedEvent>> byType =
        group(events, "EventDispatch", e -> e.getString("eventType"));
    for (Map.Entry<String, List<RecordedEvent>> type : byType.entrySet()) {
      List<RecordedEvent> ds = type.getValue();
      long listened = ds.stream().filter(e -> e.getInt("listeners") > 0).count();
      String name = type.getKey() + " (" + listened + " with listeners)";
      row(out, name, "queue wait", ds, e -> e.getDuration("queueWait"));
      row(out, name, "handlers", ds, e -> e.getDuration("handlerTime"));
    }
    Map<String, Long> outcomes = new TreeMap<>();
    for (List<RecordedEvent> ops : byKind.values()) {
      for (RecordedEvent e : ops) {
        outcomes.merge(e.getString("kind") + " " + e.getString("outcome"), 1L, Long::sum);
      }
    }
    out.append("\nOutcomes: ").append(outcomes).append('\n');
    return out.toString();
  }

  private static Map<String, List<RecordedEvent>> group(
      List<RecordedEvent> events, String name, Function<RecordedEvent, String> key) {
    Map<String, List<RecordedEvent>> groups = new TreeMap<>();
    for (RecordedEvent e : events) {
      if (e.getEventType().getName().equals("io.github.jrtc." + name)) {
        groups.computeIfAbsent(key.apply(e), k -> new java.util.ArrayList<>()).add(e);
      }
    }
    return groups;
  }

  private static void row(
      StringBuilder out,
      String what,
      String phase,
      List<RecordedEvent> events,
      Function<RecordedEvent, Duration> value) {
    Samples s = new Samples();
    for (RecordedEvent e : events) {
      s.add(value.apply(e).toNanos() / 1e3);
    }
    out.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %d | %.0f | %.0f | %.0f | %.0f | %.0f |%n",
            what,
            phase,
            s.size(),
            s.quantile(0.5),
            s.quantile(0.9),
            s.quantile(0.99),
            s.quantile(0.999),
            s.max()));
  }

  @Override
  public void close() {
    recording.close();
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.bench.Soak;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A bot that answers media calls keeps no native memory per call: three jrtc callers at a time
 * (640x480 VP8 + Opus both ways and a data channel echo, 5 s each) into a child {@code scripts/jrtc
 * serve} with the launcher's defaults and a fixed, pre-touched heap, 60 calls; the least-squares
 * slope over calls 31-60 of what the bot still holds stays under a regression bound. "Holds" is the
 * child's RSS right after glibc's malloc_trim (jcmd System.trim_native_heap) minus NMT's total (the
 * JVM's own native memory): without the trim a sample can catch megabytes that a finished call
 * freed and glibc has not yet given back (a spike of megabytes, gone in the next round), and
 * without NMT's part the JIT's warm-up would be counted. Calls 1-30 are warm-up (libwebrtc's and
 * glibc's per-call growth is still falling over them); the goal (20 kB per call) is judged on
 * scripts/soak's long runs (docs/reliability.md); this bound sits above the noise of 30 calls on a
 * shared machine and far below what main kept before issue 20.
 */
class SoakIT {
  /**
   * Issue 20's regression bound: before its fixes (every call's tracks kept, glibc's default
   * arenas) a call kept twenty times this (docs/reliability.md has the measurements).
   */
  private static final double MAX_KB_PER_CALL = 60;

  private static final Pattern RESULT = Pattern.compile("(\\w+)=(-?[\\d.]+|NaN)");

  @Test
  void aBotAnsweringMediaCallsKeepsNoNativeMemoryPerCall() throws Exception {
    ChildJvm.Result r =
        ChildJvm.run(
            Map.of(),
            900,
            List.of("-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
            Soak.class.getName(),
            "--callers",
            "3",
            "--rounds",
            "20",
            "--seconds",
            "5",
            "--settle",
            "4",
            "--fit",
            "31-60",
            "--log",
            "target/soak-it-serve.log");
    assertThat(r.timedOut()).as(r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isZero();
    Map<String, String> result = result(r);
    int calls = Integer.parseInt(result.get("calls"));
    int failed = Integer.parseInt(result.get("failed"));
    double rssSlope = Double.parseDouble(result.get("slopeWindow"));
    double untrimmed = Double.parseDouble(result.get("notInNmtSlopeWindow"));
    double slope = Double.parseDouble(result.get("keptSlopeWindow"));
    long threads = Long.parseLong(result.get("threadsGrowth"));
    long fds = Long.parseLong(result.get("fdsGrowth"));
    boolean ok = failed == 0 && slope <= MAX_KB_PER_CALL && threads <= 3 && fds <= 3;
    ReliabilityReport.row(
        "soak (media calls into jrtc serve)",
        calls,
        failed + (ok ? 0 : 1),
        String.format(
            Locale.ROOT,
            "held (RSS after malloc_trim minus NMT) %.1f kB/call over calls 31-60 (before the trim"
                + " %.1f, RSS %.1f; %.1f over all), threads %+d, fds %+d",
            slope,
            untrimmed,
            rssSlope,
            Double.parseDouble(result.get("slope")),
            threads,
            fds));
    // Every call connected, echoed, and received video and audio: the soak measured real calls.
    assertThat(calls).as(r.output()).isEqualTo(60);
    assertThat(failed).as(r.output()).isZero();
    assertThat(slope).as(r.output()).isLessThanOrEqualTo(MAX_KB_PER_CALL);
    // Threads and descriptors: libwebrtc's per-call threads and sockets end with the call.
    assertThat(threads).as(r.output()).isLessThanOrEqualTo(3);
    assertThat(fds).as(r.output()).isLessThanOrEqualTo(3);
  }

  private static Map<String, String> result(ChildJvm.Result r) {
    String line =
        r.lines().stream()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no RESULT line:\n" + r.output()));
    Map<String, String> m = new java.util.HashMap<>();
    Matcher x = RESULT.matcher(line);
    while (x.find()) {
      m.put(x.group(1), x.group(2));
    }
    return m;
  }
}

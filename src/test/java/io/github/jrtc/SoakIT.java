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
 * serve} with the launcher's defaults and a fixed, pre-touched heap, 30 calls; the least-squares
 * slope over calls 16-30 of its RSS minus NMT's total (the JVM's own native memory) stays under a
 * regression bound. NMT's part is left out because over calls 16-30 the JIT's code cache and
 * metaspace still grow by ~120 kB per call (warm-up that levels off: 7 kB per call over calls
 * 60-99); both slopes are reported. The goal (20 kB per call) is judged on scripts/soak's long runs
 * (docs/reliability.md); this bound sits above the noise of 15 calls on a shared machine and far
 * below what main kept before issue 20.
 */
class SoakIT {
  /**
   * Issue 20's regression bound. Before its fixes (every call's tracks kept, glibc's default
   * arenas) this run measured RSS 1371 kB/call and RSS minus NMT 1227 kB/call over calls 16-30.
   */
  private static final double MAX_KB_PER_CALL = 60;

  private static final Pattern RESULT = Pattern.compile("(\\w+)=(-?[\\d.]+|NaN)");

  @Test
  void aBotAnsweringMediaCallsKeepsNoNativeMemoryPerCall() throws Exception {
    ChildJvm.Result r =
        ChildJvm.run(
            Map.of(),
            600,
            List.of("-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
            Soak.class.getName(),
            "--callers",
            "3",
            "--rounds",
            "10",
            "--seconds",
            "5",
            "--settle",
            "4",
            "--fit",
            "16-30",
            "--log",
            "target/soak-it-serve.log");
    assertThat(r.timedOut()).as(r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isZero();
    Map<String, String> result = result(r);
    int calls = Integer.parseInt(result.get("calls"));
    int failed = Integer.parseInt(result.get("failed"));
    double rssSlope = Double.parseDouble(result.get("slopeWindow"));
    double slope = Double.parseDouble(result.get("notInNmtSlopeWindow"));
    long threads = Long.parseLong(result.get("threadsGrowth"));
    long fds = Long.parseLong(result.get("fdsGrowth"));
    boolean ok = failed == 0 && slope <= MAX_KB_PER_CALL && threads <= 3 && fds <= 3;
    ReliabilityReport.row(
        "soak (media calls into jrtc serve)",
        calls,
        failed + (ok ? 0 : 1),
        String.format(
            Locale.ROOT,
            "RSS minus NMT %.1f kB/call over calls 16-30 (RSS %.1f; %.1f over all), threads %+d,"
                + " fds %+d",
            slope,
            rssSlope,
            Double.parseDouble(result.get("slope")),
            threads,
            fds));
    // Every call connected, echoed, and received video and audio: the soak measured real calls.
    assertThat(calls).as(r.output()).isEqualTo(30);
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

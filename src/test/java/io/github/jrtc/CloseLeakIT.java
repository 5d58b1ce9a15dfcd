package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.bench.CloseLeakBench;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closing a connection gives its native memory back: the bench's create/connect/close cycles, in a
 * child JVM with a fixed heap, grow RSS by at most a few kB per cycle once warm (webrtc-java alone:
 * about 125), and leave no thread or file descriptor behind.
 */
class CloseLeakIT {
  /**
   * A regression guard, not the target (CloseLeakBench over 1000 cycles is): 200 cycles on a busy
   * 2-core machine measured 18.9 and 25.3 kB/cycle with the release before the periodic trim was
   * added, 117-123 without the release; a lost release shows as ~120.
   */
  private static final double MAX_KB_PER_CYCLE = 35;

  /**
   * The release must give back most of what webrtc-java keeps per cycle: "off" measured 82.9 and
   * 121.9 kB/cycle at load 13 over 200 cycles, "on" 18.1 and 35.0; a lost release gives ~0.
   */
  private static final double MIN_KB_GIVEN_BACK = 50;

  @Test
  void closedConnectionsGiveTheirNativeMemoryBack() throws Exception {
    int cycles = 200;
    ChildJvm.Result r =
        ChildJvm.run(
            java.util.Map.of(),
            400,
            List.of(
                "-Xms96m",
                "-Xmx96m",
                "-XX:+AlwaysPreTouch",
                // The JVM's malloc_trim every second: without it glibc keeps the freed memory of
                // closed connections (5-13 kB/cycle over 1000 cycles, zero once trimmed), which
                // eats this guard's margin on a loaded machine. A lost release (~120 kB/cycle of
                // memory in use) shows either way.
                "-XX:+IgnoreUnrecognizedVMOptions",
                "-XX:TrimNativeHeapInterval=1000",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"),
            CloseLeakBench.class.getName(),
            Integer.toString(cycles),
            // Long enough for the JIT and libwebrtc's pools to settle: after 150 the slope was
            // 19-35 kB/cycle, after 1000 it is 3-13 (the bench).
            "600",
            "on,off");
    assertThat(r.timedOut()).as(r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isZero();
    String[] on = result(r, "on");
    String[] off = result(r, "off");
    double slope = Double.parseDouble(on[2]);
    // The absolute bound takes the lower of the whole-run and second-half slopes: the JVM's
    // periodic trim makes RSS a sawtooth, and one step moves either fit (seen: whole 37.3 with
    // second half -3.7 on a fresh CI machine; whole -7.0 with second half 145 here). A lost
    // release keeps ~120 kB/cycle in both and fails the given-back check too.
    double lateSlope = Double.parseDouble(on[3]);
    double steadySlope = Math.min(slope, lateSlope);
    double leakSlope = Double.parseDouble(off[2]);
    int threads = Integer.parseInt(on[4]);
    int fds = Integer.parseInt(on[5]);
    boolean ok =
        steadySlope <= MAX_KB_PER_CYCLE
            && leakSlope - steadySlope >= MIN_KB_GIVEN_BACK
            && threads <= 1
            && fds <= 1;
    ReliabilityReport.row(
        "close-leak (connect/close cycles)",
        cycles,
        ok ? 0 : 1,
        String.format(
            java.util.Locale.ROOT,
            "RSS %.1f ± %s kB/cycle, 2nd half %.1f (%.1f without the release), threads %+d, fds %+d",
            slope,
            on[6],
            lateSlope,
            leakSlope,
            threads,
            fds));
    assertThat(steadySlope).as(r.output()).isLessThanOrEqualTo(MAX_KB_PER_CYCLE);
    assertThat(leakSlope - steadySlope).as(r.output()).isGreaterThanOrEqualTo(MIN_KB_GIVEN_BACK);
    assertThat(threads).as("threads growth").isLessThanOrEqualTo(1);
    assertThat(fds).as("fd growth").isLessThanOrEqualTo(1);
  }

  private static String[] result(ChildJvm.Result r, String mode) {
    return r.lines().stream()
        .filter(l -> l.startsWith("RESULT " + mode + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result for " + mode + ":\n" + r.output()))
        .split(" ");
  }
}

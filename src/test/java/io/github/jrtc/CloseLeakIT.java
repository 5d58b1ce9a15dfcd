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
   * 2-core machine measured 18.9 and 25.3 kB/cycle with the release (second halves 23.5 and 7.8),
   * 117-123 without; a lost release shows as ~120.
   */
  private static final double MAX_KB_PER_CYCLE = 35;

  /** The release must give back most of the ~125 kB webrtc-java keeps per cycle. */
  private static final double MIN_KB_GIVEN_BACK = 70;

  @Test
  void closedConnectionsGiveTheirNativeMemoryBack() throws Exception {
    int cycles = 200;
    ChildJvm.Result r =
        ChildJvm.run(
            // Two malloc arenas: with glibc's default (8 per core) fragmentation across
            // libwebrtc's threads adds 5-25 kB/cycle of RSS that is not a leak (measured: with
            // 2 arenas the slope is about 0 over 1000 cycles).
            java.util.Map.of("MALLOC_ARENA_MAX", "2"),
            400,
            List.of(
                "-Xms96m",
                "-Xmx96m",
                "-XX:+AlwaysPreTouch",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"),
            CloseLeakBench.class.getName(),
            Integer.toString(cycles),
            "150",
            "on,off");
    assertThat(r.timedOut()).as(r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isZero();
    String[] on = result(r, "on");
    String[] off = result(r, "off");
    double slope = Double.parseDouble(on[2]);
    double leakSlope = Double.parseDouble(off[2]);
    int threads = Integer.parseInt(on[4]);
    int fds = Integer.parseInt(on[5]);
    boolean ok =
        slope <= MAX_KB_PER_CYCLE
            && leakSlope - slope >= MIN_KB_GIVEN_BACK
            && threads <= 1
            && fds <= 1;
    ReliabilityReport.row(
        "close-leak (connect/close cycles)",
        cycles,
        ok ? 0 : 1,
        String.format(
            java.util.Locale.ROOT,
            "RSS %.1f kB/cycle (%.1f without the release), threads %+d, fds %+d",
            slope,
            leakSlope,
            threads,
            fds));
    assertThat(slope).as(r.output()).isLessThanOrEqualTo(MAX_KB_PER_CYCLE);
    assertThat(leakSlope - slope).as(r.output()).isGreaterThanOrEqualTo(MIN_KB_GIVEN_BACK);
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

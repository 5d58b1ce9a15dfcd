package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.bench.CloseLeakBench;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closing a connection gives its native memory back: the bench's create/connect/close cycles, in a
 * child JVM with a fixed heap, grow RSS by at most a few kB per cycle (webrtc-java alone: about
 * 125), and leave no thread or file descriptor behind.
 */
class CloseLeakIT {
  /** Generous: measured about 6-15 kB/cycle with the release, about 125 without. */
  private static final double MAX_KB_PER_CYCLE = 40;

  @Test
  void closedConnectionsGiveTheirNativeMemoryBack() throws Exception {
    int cycles = 300;
    ChildJvm.Result r =
        ChildJvm.run(
            300,
            List.of(
                "-Xms96m",
                "-Xmx96m",
                "-XX:+AlwaysPreTouch",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"),
            CloseLeakBench.class.getName(),
            Integer.toString(cycles),
            "150",
            "on");
    assertThat(r.timedOut()).as(r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isZero();
    String result =
        r.lines().stream().filter(l -> l.startsWith("RESULT on ")).findFirst().orElseThrow();
    String[] f = result.split(" ");
    double slope = Double.parseDouble(f[2]);
    int threads = Integer.parseInt(f[4]);
    int fds = Integer.parseInt(f[5]);
    boolean ok = slope <= MAX_KB_PER_CYCLE && threads <= 1 && fds <= 1;
    ReliabilityReport.row(
        "close-leak (connect/close cycles)",
        cycles,
        ok ? 0 : 1,
        String.format(
            java.util.Locale.ROOT, "RSS %.1f kB/cycle, threads %+d, fds %+d", slope, threads, fds));
    assertThat(slope).as(r.output()).isLessThanOrEqualTo(MAX_KB_PER_CYCLE);
    assertThat(threads).as("threads growth").isLessThanOrEqualTo(1);
    assertThat(fds).as("fd growth").isLessThanOrEqualTo(1);
  }
}

package io.github.jrtc.bench;

import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionIceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Native memory kept per closed connection: create two peers, connect them over a data channel,
 * close both; repeat. Prints RSS growth per cycle (least-squares slope), and thread and file
 * descriptor growth, with jrtc's native release on and off (webrtc-java 0.14.0 alone keeps its
 * native peer connection after close: upstream issue #239).
 *
 * <p>Run inside the test network namespace (libwebrtc ignores loopback), with a fixed, pre-touched
 * heap so Java heap growth does not show up as RSS:
 *
 * <pre>
 * JRTC_NETNS=jrtc-rel scripts/netns exec env MALLOC_ARENA_MAX=2 \
 *   java -Xms96m -Xmx96m -XX:+AlwaysPreTouch \
 *   -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *   io.github.jrtc.bench.CloseLeakBench [cycles=1000] [warmup=200] [modes=on,off]
 * </pre>
 *
 * MALLOC_ARENA_MAX=2 keeps glibc's per-thread arenas from adding fragmentation (5-25 kB/cycle with
 * the default, which is not a leak: it levels off) to the slope.
 *
 * <p>A line {@code RESULT mode slopeKb lateSlopeKb threadsDelta fdsDelta} per mode is printed for
 * tests to parse.
 */
public final class CloseLeakBench {
  private static final long TIMEOUT_S = 20;

  private CloseLeakBench() {}

  public static void main(String[] args) throws Exception {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    String[] modes = (args.length > 2 ? args[2] : "on,off").split(",");

    setRelease(true);
    for (int i = 0; i < warmup; i++) {
      cycle();
    }
    List<String[]> rows = new ArrayList<>();
    for (String mode : modes) {
      setRelease(mode.equals("on"));
      rows.add(measure(mode, cycles));
    }
    System.out.printf(
        Locale.ROOT,
        "%n%-32s %8s %12s %14s %16s %10s %10s %10s%n",
        "close leak (webrtc-java 0.14.0)",
        "cycles",
        "RSS kB/cycle",
        "2nd half kB/c",
        "RSS-JVM kB/c",
        "RSS delta",
        "threads Δ",
        "fds Δ");
    for (String[] r : rows) {
      System.out.printf(
          Locale.ROOT,
          "%-32s %8s %12s %14s %16s %10s %10s %10s%n",
          r[0],
          r[1],
          r[2],
          r[3],
          r[8],
          r[4],
          r[5],
          r[6]);
    }
    for (String[] r : rows) {
      System.out.printf(Locale.ROOT, "RESULT %s %s %s %s %s%n", r[7], r[2], r[3], r[5], r[6]);
    }
    System.exit(0);
  }

  private static void setRelease(boolean on) {
    System.setProperty("jrtc.releaseNativePeerConnection", Boolean.toString(on));
  }

  private static String[] measure(String mode, int cycles) throws Exception {
    int threads0 = ProcSelf.threads();
    int fds0 = ProcSelf.fds();
    long rss0 = ProcSelf.rssKb();
    double[] x = new double[cycles];
    double[] y = new double[cycles];
    double[] nonJvm = new double[cycles];
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < cycles; i++) {
      cycle();
      x[i] = i;
      y[i] = ProcSelf.rssKb();
      // The JVM's own growth (JIT code cache, metaspace) is not the connection's.
      nonJvm[i] = y[i] - memory.getNonHeapMemoryUsage().getCommitted() / 1024.0;
    }
    double slope = ProcSelf.slope(x, y);
    double nonJvmSlope = ProcSelf.slope(x, nonJvm);
    int h = cycles / 2;
    double lateSlope =
        ProcSelf.slope(
            java.util.Arrays.copyOfRange(x, h, cycles), java.util.Arrays.copyOfRange(y, h, cycles));
    String label =
        mode.equals("on") ? "jrtc (native release on)" : "raw 0.14.0 close (release off)";
    return new String[] {
      label,
      Integer.toString(cycles),
      String.format(Locale.ROOT, "%.2f", slope),
      String.format(Locale.ROOT, "%.2f", lateSlope),
      Long.toString(ProcSelf.rssKb() - rss0),
      Integer.toString(ProcSelf.threads() - threads0),
      Integer.toString(ProcSelf.fds() - fds0),
      mode,
      String.format(Locale.ROOT, "%.2f", nonJvmSlope)
    };
  }

  /** One create/connect/close cycle of two peers. */
  static void cycle() throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    try {
      a.onicecandidate(e -> forward(e, b));
      b.onicecandidate(e -> forward(e, a));
      CompletableFuture<Void> open = new CompletableFuture<>();
      b.ondatachannel(e -> e.channel().onopen(ev -> open.complete(null)));
      RTCDataChannel ch = a.createDataChannel("leak");
      CompletableFuture<Void> localOpen = new CompletableFuture<>();
      ch.onopen(ev -> localOpen.complete(null));
      a.createOffer()
          .thenCompose(a::setLocalDescription)
          .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
          .thenCompose(v -> b.createAnswer())
          .thenCompose(b::setLocalDescription)
          .thenCompose(v -> a.setRemoteDescription(b.localDescription()))
          .get(TIMEOUT_S, TimeUnit.SECONDS);
      open.get(TIMEOUT_S, TimeUnit.SECONDS);
      localOpen.get(TIMEOUT_S, TimeUnit.SECONDS);
      ch.send("x");
    } finally {
      a.close();
      b.close();
    }
  }

  private static void forward(RTCPeerConnectionIceEvent e, RTCPeerConnection to) {
    CompletableFuture<Void> added =
        e.candidate() == null ? to.addIceCandidate() : to.addIceCandidate(e.candidate().toInit());
    added.exceptionally(err -> null);
  }
}

package io.github.jrtc.bench;

import io.github.jrtc.CandidateForwarding;
import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCPeerConnection;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.Arrays;
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
 * JRTC_NETNS=jrtc-rel scripts/netns exec \
 *   java -Xms96m -Xmx96m -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary \
 *   -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *   io.github.jrtc.bench.CloseLeakBench [cycles=1000] [warmup=1000] [modes=on,trim,off]
 * </pre>
 *
 * What the raw RSS slope shows is mostly free memory glibc keeps: 5-13 kB/cycle over 1000 cycles
 * after 1000 warm-up, with glibc's default arenas or MALLOC_ARENA_MAX=2 alike, but 0 ± 4 once
 * malloc_trim runs (mode {@code trim}), and 3.3 with {@code -XX:TrimNativeHeapInterval=1000}
 * (docs/reliability.md has the runs). The histogram of Java objects that survived a full GC names
 * what is really kept.
 *
 * <p>Modes: {@code on} (jrtc's release), {@code trim} (the same, with glibc's malloc_trim every 50
 * cycles and RSS sampled after it: what remains is really held, not free memory glibc kept), {@code
 * off} (webrtc-java's own close). A line {@code RESULT mode slopeKb lateSlopeKb threadsDelta
 * fdsDelta ci95Kb trimmedSlopeKb} per mode is printed for tests to parse.
 */
public final class CloseLeakBench {
  private static final long TIMEOUT_S = 20;

  private CloseLeakBench() {}

  public static void main(String[] args) throws Exception {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    String[] modes = (args.length > 2 ? args[2] : "on,trim,off").split(",");

    setRelease(true);
    for (int i = 0; i < warmup; i++) {
      cycle();
    }
    List<Row> rows = new ArrayList<>();
    for (String mode : modes) {
      setRelease(!mode.equals("off"));
      rows.add(measure(mode, cycles));
    }
    System.out.printf(
        Locale.ROOT,
        "%n%-30s %6s %16s %14s %14s %12s %12s %10s %7s %5s%n",
        "close leak (webrtc-java 0.14.0)",
        "cycles",
        "RSS kB/c ±95%",
        "2nd half kB/c",
        "trimmed kB/c",
        "NMT kB/c",
        "heap B/c",
        "RSS delta",
        "thr Δ",
        "fd Δ");
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "%-30s %6d %16s %14.2f %14s %12.2f %12.0f %10d %7d %5d%n",
          r.label(),
          r.cycles(),
          r.rss().describe(),
          r.late().slope(),
          r.trimmed() == null ? "-" : r.trimmed().describe(),
          r.nmt(),
          r.heapBytes(),
          r.rssDelta(),
          r.threads(),
          r.fds());
    }
    for (Row r : rows) {
      System.out.println();
      System.out.println("Java heap growth, " + r.label() + " (live instances, full GC):");
      System.out.print(r.histogram());
    }
    for (Row r : rows) {
      System.out.printf(
          Locale.ROOT,
          "RESULT %s %.2f %.2f %d %d %.2f %s%n",
          r.mode(),
          r.rss().slope(),
          r.late().slope(),
          r.threads(),
          r.fds(),
          r.rss().ci95(),
          r.trimmed() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.trimmed().slope()));
    }
    System.exit(0);
  }

  private static void setRelease(boolean on) {
    System.setProperty("jrtc.releaseNativePeerConnection", Boolean.toString(on));
  }

  /** Every this many cycles mode "trim" calls malloc_trim and samples RSS again. */
  private static final int TRIM_EVERY = 50;

  private record Row(
      String mode,
      String label,
      int cycles,
      LinearFit rss,
      LinearFit late,
      LinearFit trimmed,
      double nmt,
      double heapBytes,
      long rssDelta,
      int threads,
      int fds,
      String histogram) {}

  private static Row measure(String mode, int cycles) throws Exception {
    boolean trim = mode.equals("trim");
    // Taken twice: a baseline string is live during the second histogram, as the second one is
    // during the last, so their footprints cancel out.
    String stand = HeapHistogram.snapshot();
    String histogram0 = HeapHistogram.snapshot();
    Reference.reachabilityFence(stand);
    long heap0 = usedHeap();
    long nmt0 = Diagnostics.nmtCommittedKb();
    int threads0 = ProcSelf.threads();
    int fds0 = ProcSelf.fds();
    long rss0 = ProcSelf.rssKb();
    double[] x = new double[cycles];
    double[] y = new double[cycles];
    List<double[]> trimmed = new ArrayList<>();
    for (int i = 0; i < cycles; i++) {
      cycle();
      x[i] = i;
      y[i] = ProcSelf.rssKb();
      if (trim && (i + 1) % TRIM_EVERY == 0) {
        Diagnostics.trimNativeHeap();
        trimmed.add(new double[] {i, ProcSelf.rssKb()});
      }
    }
    long rss1 = ProcSelf.rssKb();
    int threads = ProcSelf.threads() - threads0;
    int fds = ProcSelf.fds() - fds0;
    long nmt1 = Diagnostics.nmtCommittedKb();
    long heap1 = usedHeap();
    String histogram = HeapHistogram.growth(histogram0, HeapHistogram.snapshot(), 8);
    int h = cycles / 2;
    LinearFit trimFit = null;
    if (trim) {
      double[] tx = trimmed.stream().mapToDouble(p -> p[0]).toArray();
      double[] ty = trimmed.stream().mapToDouble(p -> p[1]).toArray();
      trimFit = LinearFit.of(tx, ty);
    }
    String label =
        switch (mode) {
          case "on" -> "jrtc (native release on)";
          case "trim" -> "jrtc + malloc_trim every " + TRIM_EVERY;
          default -> "raw 0.14.0 close (release off)";
        };
    return new Row(
        mode,
        label,
        cycles,
        LinearFit.of(x, y),
        LinearFit.of(Arrays.copyOfRange(x, h, cycles), Arrays.copyOfRange(y, h, cycles)),
        trimFit,
        nmt0 < 0 ? Double.NaN : (nmt1 - nmt0) / (double) cycles,
        (heap1 - heap0) / (double) cycles,
        rss1 - rss0,
        threads,
        fds,
        histogram);
  }

  /** Java heap in use right after a full GC. */
  private static long usedHeap() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** One create/connect/close cycle of two peers. */
  static void cycle() throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    try {
      var unused = CandidateForwarding.between(a, b);
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
}

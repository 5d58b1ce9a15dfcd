package io.github.jrtc.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * jrtc side by side with raw webrtc-java, in one run, the two sides alternating round by round. Run
 * by {@code scripts/bench [--quick]} inside a network namespace; prints one Markdown table. Latency
 * and throughput run both sides in this JVM; memory rows run each side in its own child JVM ({@link
 * MemoryProbe}).
 */
public final class Bench {
  private final boolean quick;
  private final Table table = new Table();

  private Bench(boolean quick) {
    this.quick = quick;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    new Bench(quick).run();
    System.out.flush();
    // libwebrtc's native threads are non-daemon and never detach.
    Runtime.getRuntime().halt(0);
  }

  private void run() throws Exception {
    int rounds = quick ? 3 : 7;
    int dcAnswers = quick ? 40 : 150;
    int avAnswers = quick ? 30 : 100;
    int connects = quick ? 8 : 25;
    long bulkBytes = (quick ? 48L : 160L) * 1024 * 1024;
    int smallMessages = quick ? 8000 : 30000;

    JrtcSide jrtc = new JrtcSide();
    RawSide raw = new RawSide();
    Side[] sides = {jrtc, raw};
    String dcOffer = raw.dataChannelOffer();
    String avOffer = jrtc.audioVideoOffer() != null ? null : raw.audioVideoOffer();
    log("offers: data channel %d bytes, audio+video %d bytes", dcOffer.length(), avOffer.length());

    PerSide dcP50 = new PerSide();
    PerSide dcAll = new PerSide();
    PerSide avP50 = new PerSide();
    PerSide avAll = new PerSide();
    PerSide connect = new PerSide();
    PerSide throughput = new PerSide();
    PerSide rate = new PerSide();

    for (Side side : sides) {
      log("warm-up %s", side.name());
      for (int i = 0; i < 30; i++) {
        side.answerNanos(dcOffer);
        side.answerNanos(avOffer);
      }
      try (BenchPair pair = side.connect()) {
        pair.transfer(65536, 8L * 1024 * 1024);
        pair.transfer(100, 100L * 2000);
      }
    }

    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < 2; k++) {
        // Alternate which side goes first, so drift in machine load hits both alike.
        int s = (round + k) % 2;
        Side side = sides[s];
        log("round %d/%d: %s", round + 1, rounds, side.name());
        Samples dc = new Samples();
        for (int i = 0; i < dcAnswers; i++) {
          dc.add(side.answerNanos(dcOffer) / 1e3);
        }
        dcP50.get(s).add(dc.median());
        dcAll.get(s).addAll(dc);
        Samples av = new Samples();
        for (int i = 0; i < avAnswers; i++) {
          av.add(side.answerNanos(avOffer) / 1e3);
        }
        avP50.get(s).add(av.median());
        avAll.get(s).addAll(av);
        Samples c = new Samples();
        for (int i = 0; i < connects; i++) {
          try (BenchPair pair = side.connect()) {
            c.add(pair.connectNanos() / 1e6);
          }
        }
        connect.get(s).add(c.median());
        double mbps;
        double kmsgs;
        try (BenchPair pair = side.connect()) {
          mbps = bulkBytes / 1e6 / (pair.transfer(65536, bulkBytes) / 1e9);
          kmsgs = smallMessages / 1e3 / (pair.transfer(100, 100L * smallMessages) / 1e9);
        }
        throughput.get(s).add(mbps);
        rate.get(s).add(kmsgs);
        log(
            "  answer dc p50 %.0f µs, av p50 %.0f µs, connect %.2f ms, %.1f MB/s, %.2f k msg/s",
            dc.median(), av.median(), c.median(), mbps, kmsgs);
      }
    }

    table.add("createAnswer p50, data-channel offer (µs)", dcP50, "%.0f");
    table.addPooled("createAnswer p99, data-channel offer (µs)", dcAll, 0.99, "%.0f");
    table.add("createAnswer p50, audio+video offer (µs) ¹", avP50, "%.0f");
    table.addPooled("createAnswer p99, audio+video offer (µs) ¹", avAll, 0.99, "%.0f");
    table.add("createOffer → connected + channel open, p50 (ms)", connect, "%.2f");
    table.add("64 KiB messages, flow control (MB/s)", throughput, "%.1f");
    table.add("100-byte messages (k msg/s)", rate, "%.2f");

    memory();
    table.note("video 1280×720 unpaced (frames/s, CPU)", "n/a ²", "n/a ²");
    raw.close();

    System.out.println(machine());
    System.out.println();
    System.out.print(table.markdown());
    System.out.println();
    System.out.println(
        "Cells: median over rounds (min–max over rounds); p99 rows pool every sample (n).");
    System.out.println(
        "¹ Both sides answer the same offer, made by raw webrtc-java with an audio and a video"
            + " track (jrtc's own addTrack is on branch media: JrtcSide.audioVideoOffer).");
    System.out.println("² Needs jrtc's media tracks (branch media).");
    System.out.println(
        "³ Each side in its own child JVM (-Xms1g -Xmx1g -XX:+AlwaysPreTouch, serial GC), after"
            + " warm-up and a full GC: RSS growth is native memory; the Java heap still in use is"
            + " added for the total.");
  }

  private void memory() throws Exception {
    int[] sizes = {200, 1000};
    int cycles = 500;
    String[] names = {"jrtc", "raw"};
    for (int n : sizes) {
      PerSide total = new PerSide();
      PerSide rss = new PerSide();
      PerSide heap = new PerSide();
      PerSide threads = new PerSide();
      PerSide fds = new PerSide();
      int runs = quick ? 1 : 3;
      for (int r = 0; r < runs; r++) {
        for (int k = 0; k < 2; k++) {
          int s = (r + k) % 2;
          double[] v = child(names[s], "pairs", n);
          if (!Double.isNaN(v[0])) {
            total.get(s).add(v[0] + v[1]);
            rss.get(s).add(v[0]);
            heap.get(s).add(v[1]);
            threads.get(s).add(v[2]);
            fds.get(s).add(v[3]);
          }
        }
      }
      table.add("memory per connected pair, " + n + " pairs (kB) ³", total, "%.0f");
      table.add("  of which native (RSS growth, kB)", rss, "%.0f");
      table.add("  of which Java heap kept after GC (kB)", heap, "%.1f");
      table.add("threads per connected pair, " + n + " pairs", threads, "%.3f");
      table.add("file descriptors per connected pair, " + n + " pairs", fds, "%.2f");
    }
    PerSide kept = new PerSide();
    PerSide keptHeap = new PerSide();
    for (int k = 0; k < 2; k++) {
      double[] v = child(names[k], "cycles", cycles);
      if (!Double.isNaN(v[0])) {
        kept.get(k).add(v[0]);
        keptHeap.get(k).add(v[1]);
      }
    }
    table.add("RSS kept per closed pair, " + cycles + " cycles (kB) ³", kept, "%.1f");
    table.add("  Java heap kept per closed pair (kB)", keptHeap, "%.2f");
  }

  private static double[] child(String side, String mode, int n) throws Exception {
    log("child JVM: %s %s %d", side, mode, n);
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    // Fixed and pre-touched: heap pages never enter RSS during the run, so RSS growth is native.
    cmd.add("-Xms1g");
    cmd.add("-Xmx1g");
    cmd.add("-XX:+AlwaysPreTouch");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MemoryProbe.class.getName());
    cmd.add(side);
    cmd.add(mode);
    cmd.add(Integer.toString(n));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("RESULT ")) {
          result = line;
        }
      }
    }
    p.waitFor();
    if (result == null) {
      log("memory probe %s %s %d failed (exit %d)", side, mode, n, p.exitValue());
      return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    }
    log("%s", result);
    String[] f = result.split(" ");
    return new double[] {
      Double.parseDouble(f[1]),
      Double.parseDouble(f[2]),
      Double.parseDouble(f[3]),
      Double.parseDouble(f[4])
    };
  }

  private static String machine() throws Exception {
    String model = "?";
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        model = line.substring(line.indexOf(':') + 1).trim();
        break;
      }
    }
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    return String.format(
        Locale.ROOT,
        "Machine: %d cores (nproc), %s; Java %s; load average at the end %s (cores shared with"
            + " other work).",
        Runtime.getRuntime().availableProcessors(),
        model,
        System.getProperty("java.version"),
        load);
  }

  static void log(String format, Object... args) {
    System.err.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }

  /** One Samples per side: index 0 is jrtc, 1 is raw. */
  static final class PerSide {
    private final Samples[] bySide = {new Samples(), new Samples()};

    Samples get(int side) {
      return bySide[side];
    }
  }
}

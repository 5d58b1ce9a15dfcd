package io.github.jrtc.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * jrtc side by side with raw webrtc-java, in one run, the two sides alternating round by round. Run
 * by {@code scripts/bench [--quick]} inside a network namespace; prints one Markdown table. Latency
 * and throughput run both sides in this JVM; memory rows run each side in its own child JVM ({@link
 * MemoryProbe}).
 */
public final class Bench {
  private final boolean quick;
  private final boolean dataChannelsOnly;
  private final boolean latencyOnly;
  private final boolean jfr;
  private final Table table = new Table();

  private Bench(boolean quick, boolean dataChannelsOnly, boolean latencyOnly, boolean jfr) {
    this.quick = quick;
    this.dataChannelsOnly = dataChannelsOnly;
    this.latencyOnly = latencyOnly;
    this.jfr = jfr;
  }

  public static void main(String[] args) throws Exception {
    boolean quick = List.of(args).contains("--quick");
    // --data-channels: only the 64 KiB throughput and 100-byte message-rate rows.
    // --latency: only the createAnswer and connect rows (before/after comparisons of a change).
    // --jfr: records jrtc's JFR events over the latency rounds and prints their phase breakdown.
    new Bench(
            quick,
            List.of(args).contains("--data-channels"),
            List.of(args).contains("--latency"),
            List.of(args).contains("--jfr"))
        .run();
    System.out.flush();
    // libwebrtc's native threads are non-daemon and never detach.
    Runtime.getRuntime().halt(0);
  }

  private void run() throws Exception {
    int rounds = quick ? 5 : 9;
    int dcAnswers = quick ? 40 : 150;
    int avAnswers = quick ? 20 : 80;
    int connects = quick ? 12 : 20;
    int pairedAnswers = quick ? 400 : 1500;
    int pairedConnects = quick ? 300 : 1000;
    int transferRounds = quick ? 9 : 21;
    long bulkBytes = (quick ? 16L : 48L) * 1024 * 1024;
    int smallMessages = quick ? 4000 : 12000;

    JrtcSide jrtc = new JrtcSide();
    RawSide raw = new RawSide();
    Side[] sides = {jrtc, raw};
    String dcOffer = raw.dataChannelOffer();
    String avOffer = raw.audioVideoOffer();
    log(
        "offers: data channel %d bytes, audio+video %d bytes (jrtc's own audio+video: %d bytes)",
        dcOffer.length(), avOffer.length(), jrtc.audioVideoOffer().length());

    PerSide dcP50 = new PerSide();
    PerSide dcAll = new PerSide();
    PerSide avP50 = new PerSide();
    PerSide avAll = new PerSide();
    PerSide connect = new PerSide();
    PerSide connectHandOff = new PerSide();
    PerSide throughput = new PerSide();
    PerSide rate = new PerSide();

    // Equal warm-up, long enough that both sides' Java paths are JIT-compiled (jrtc runs far more
    // Java per call than raw: with 30 warm-ups its chain/queue code was still interpreted or in C1
    // with profiling, which alone added ~20 µs to a createAnswer).
    int warmAnswers = quick ? 400 : 1500;
    int warmConnects = quick ? 600 : 1500;
    for (Side side : sides) {
      log("warm-up %s", side.name());
      for (int i = 0; i < (dataChannelsOnly ? 0 : warmAnswers); i++) {
        side.answerNanos(dcOffer);
        if (i % 4 == 0) {
          side.answerNanos(avOffer);
        }
      }
      // Connects run far more of jrtc's Java than answers do (candidates, events, transports,
      // channels): with 10 warm-up connects that code still ran interpreted or in C1, which alone
      // put 0.35 ms on jrtc's signaling phase (ConnectTimeline, 150 vs 800 warm-ups), and after
      // 600 the JIT still used 0.8-1.7 ms of CPU per connect (of 10), on the same two cores.
      for (int i = 0; i < warmConnects; i++) {
        side.connect().close();
        if (side == raw) {
          raw.connectHandingOff().close();
        }
      }
      if (latencyOnly) {
        continue;
      }
      try (BenchPair pair = side.connect()) {
        pair.transfer(65536, 8L * 1024 * 1024);
        pair.transfer(100, 100L * 2000);
      }
    }

    JfrBreakdown recording = jfr && !dataChannelsOnly ? JfrBreakdown.start() : null;
    for (int round = 0; round < (dataChannelsOnly ? 0 : rounds); round++) {
      for (int k = 0; k < 2; k++) {
        // Alternate which side goes first, so drift in machine load hits both alike.
        int s = (round + k) % 2;
        Side side = sides[s];
        Samples dc = new Samples();
        for (int i = 0; i < (dataChannelsOnly ? 0 : dcAnswers); i++) {
          dc.add(side.answerNanos(dcOffer) / 1e3);
        }
        if (!dataChannelsOnly) {
          dcP50.get(s).add(dc.median());
          dcAll.get(s).addAll(dc);
        }
        Samples av = new Samples();
        for (int i = 0; i < (dataChannelsOnly ? 0 : avAnswers); i++) {
          av.add(side.answerNanos(avOffer) / 1e3);
        }
        if (!dataChannelsOnly) {
          avP50.get(s).add(av.median());
          avAll.get(s).addAll(av);
        }
        Samples c = new Samples();
        for (int i = 0; i < (dataChannelsOnly ? 0 : connects); i++) {
          c.add(connectMillis(side::connect));
        }
        if (!dataChannelsOnly) {
          connect.get(s).add(c.median());
          if (side == raw) {
            Samples h = new Samples();
            for (int i = 0; i < connects; i++) {
              h.add(connectMillis(raw::connectHandingOff));
            }
            connectHandOff.get(1).add(h.median());
          } else {
            connectHandOff.get(0).add(c.median());
          }
        }
        log(
            "round %d/%d %s: answer dc p50 %.0f µs, av p50 %.0f µs, connect p50 %.2f ms",
            round + 1, rounds, side.name(), dc.median(), av.median(), c.median());
      }
    }

    // The +30 µs target is smaller than the round-to-round drift of either side, so it is judged
    // on answers made back to back, jrtc and raw in turn (who goes first alternates): the median
    // of those differences, with its confidence interval.
    Samples dcDiff = new Samples();
    for (int i = 0; i < (dataChannelsOnly ? 0 : pairedAnswers); i++) {
      double first = sides[i % 2].answerNanos(dcOffer) / 1e3;
      double second = sides[(i + 1) % 2].answerNanos(dcOffer) / 1e3;
      dcDiff.add(i % 2 == 0 ? first - second : second - first);
      // The p99 row pools these too: its tail needs thousands of samples.
      dcAll.get(i % 2).add(first);
      dcAll.get((i + 1) % 2).add(second);
    }

    // The connect rows' medians over rounds drift by ±15% run to run here; back-to-back triples
    // (jrtc, raw, raw with hand-off, in rotating order) give per-connect ratios whose median is
    // stable to a few per cent.
    Samples connectRatio = new Samples();
    Samples handOffRatio = new Samples();
    for (int i = 0; i < (dataChannelsOnly ? 0 : pairedConnects); i++) {
      double[] ms = new double[3];
      for (int k = 0; k < 3; k++) {
        int which = (i + k) % 3;
        ms[which] =
            connectMillis(
                which == 0 ? jrtc::connect : which == 1 ? raw::connect : raw::connectHandingOff);
      }
      connectRatio.add(ms[0] / ms[1]);
      handOffRatio.add(ms[0] / ms[2]);
    }

    String breakdown = null;
    if (recording != null) {
      breakdown = recording.stop();
      recording.close();
    }

    // Throughput: one long-lived pair per side, many short alternating rounds, so that load
    // bursts from other work land on both sides and the median is taken over many rounds.
    if (!latencyOnly) {
      try (BenchPair jp = jrtc.connect();
          BenchPair rp = raw.connect()) {
        BenchPair[] pairs = {jp, rp};
        for (int round = 0; round < transferRounds; round++) {
          for (int k = 0; k < 2; k++) {
            int s = (round + k) % 2;
            BenchPair pair = pairs[s];
            double mbps = bulkBytes / 1e6 / (pair.transfer(65536, bulkBytes) / 1e9);
            double kmsgs = smallMessages / 1e3 / (pair.transfer(100, 100L * smallMessages) / 1e9);
            throughput.get(s).add(mbps);
            rate.get(s).add(kmsgs);
            log(
                "transfer round %d/%d %s: %.1f MB/s, %.2f k msg/s",
                round + 1, transferRounds, sides[s].name(), mbps, kmsgs);
          }
        }
      }
    }

    if (!dataChannelsOnly) {
      table.add("createAnswer p50, data-channel offer (µs)", dcP50, "%.0f");
      table.addPooled("createAnswer p99, data-channel offer (µs)", dcAll, 0.99, "%.0f");
      table.add("createAnswer p50, audio+video offer (µs) ¹", avP50, "%.0f");
      table.addPooled("createAnswer p99, audio+video offer (µs) ¹", avAll, 0.99, "%.0f");
      table.add("createOffer → connected + channel open, p50 (ms)", connect, "%.2f");
      table.add(
          "  the same, raw handing each step to a pool thread as jrtc must (ms) ⁴",
          connectHandOff,
          "%.2f");
    }
    if (!latencyOnly) {
      table.add("64 KiB messages, flow control (MB/s)", throughput, "%.1f");
      table.add("100-byte messages (k msg/s)", rate, "%.2f");
    }

    if (!dataChannelsOnly && !latencyOnly) {
      memory();
      video();
    }
    raw.close();

    System.out.println(machine());
    System.out.println();
    System.out.print(table.markdown());
    System.out.println();
    if (!dcDiff.isEmpty()) {
      double[] ci = dcDiff.medianInterval95();
      System.out.printf(
          Locale.ROOT,
          "createAnswer, data-channel offer, jrtc − raw over %d back-to-back pairs: median %+.0f µs"
              + " (95%% CI %+.0f to %+.0f µs); target ≤ +30 µs.%n%n",
          dcDiff.size(),
          dcDiff.median(),
          ci[0],
          ci[1]);
    }
    if (!dataChannelsOnly) {
      histogram("createAnswer, data-channel offer", dcAll);
      histogram("createAnswer, audio+video offer", avAll);
      System.out.println();
    }
    if (!connectRatio.isEmpty()) {
      double[] ci = connectRatio.medianInterval95();
      double[] hci = handOffRatio.medianInterval95();
      System.out.printf(
          Locale.ROOT,
          "createOffer → connected + channel open over %d back-to-back triples: jrtc/raw median"
              + " %.2f (95%% CI %.2f to %.2f), target ≤ 1.10; jrtc/raw handing each step to a pool"
              + " thread ⁴ %.2f (%.2f to %.2f).%n%n",
          connectRatio.size(),
          connectRatio.median(),
          ci[0],
          ci[1],
          handOffRatio.median(),
          hci[0],
          hci[1]);
    }
    System.out.println(
        "Cells: median over rounds (min–max over rounds); p99 rows pool every sample (n). jrtc/raw:"
            + " ratio of the medians, then [median (min–max)] of the per-round ratios, each round"
            + " pairing the two sides measured back to back.");
    System.out.printf(
        Locale.ROOT,
        "Rounds: %d latency rounds per side (%d data-channel and %d audio+video answers, %d"
            + " connects each), %d transfer rounds per side (%d MiB in 64 KiB, %d 100-byte"
            + " messages each), after %d warm-up answers and %d warm-up connects per side.%n",
        rounds,
        dcAnswers,
        avAnswers,
        connects,
        transferRounds,
        bulkBytes >> 20,
        smallMessages,
        warmAnswers,
        warmConnects);
    if (breakdown != null) {
      System.out.println();
      System.out.print(breakdown);
      System.out.println(
          "(Recorded over the latency rounds, the paired answers and the triples: the table's"
              + " numbers in a --jfr run include the recording's own cost on jrtc's side.)");
    }
    if (dataChannelsOnly) {
      return;
    }
    System.out.println(
        "⁴ The raw column here runs each negotiation step from a pool thread instead of inline in"
            + " webrtc-java's callback on libwebrtc's signaling thread: the hand-off that jrtc's"
            + " rule (no user code on a native thread) costs any binding, and nothing else of"
            + " jrtc's. jrtc/raw on this row is jrtc's own cost on top of that hand-off.");
    System.out.println(
        "¹ Both sides answer the same offer, made by raw webrtc-java with an audio and a video"
            + " track, so the row compares like for like.");
    System.out.println(
        "² Both sources feed a jrtc connection pair (the same transport and encoder): the rows"
            + " compare the source path only. jrtc's VideoFrameSource paces to 30 fps (newest"
            + " frame wins, the rest are released); raw pushFrame hands every frame to the encoder."
            + " CPU is the whole process in cores.");
    System.out.println(
        "³ Each side in its own child JVM (-Xms512m -Xmx512m -XX:+AlwaysPreTouch, serial GC), after"
            + " warm-up and a full GC: RSS growth is native memory; the Java heap still in use is"
            + " added for the total.");
  }

  /** One line per side: p50, p90, p99, p99.9 and max of every pooled sample, in µs. */
  private static void histogram(String row, PerSide all) {
    StringBuilder line = new StringBuilder(row).append(" latency (µs):");
    String[] names = {"jrtc", "raw"};
    for (int s = 0; s < 2; s++) {
      Samples x = all.get(s);
      line.append(
          String.format(
              Locale.ROOT,
              " %s p50 %.0f, p90 %.0f, p99 %.0f, p99.9 %.0f, max %.0f (n %d)%s",
              names[s],
              x.quantile(0.5),
              x.quantile(0.9),
              x.quantile(0.99),
              x.quantile(0.999),
              x.max(),
              x.size(),
              s == 0 ? ";" : "."));
    }
    System.out.println(line);
  }

  /** One fresh pair's createOffer → connected + open time, in ms; the pair is closed after. */
  private static double connectMillis(Callable<BenchPair> connect) throws Exception {
    try (BenchPair pair = connect.call()) {
      return pair.connectNanos() / 1e6;
    }
  }

  /** The video rows: VideoPushBench's two sources, alternating. */
  private void video() throws Exception {
    int runs = quick ? 3 : 5;
    long warmMs = quick ? 1000 : 4000;
    long measureMs = quick ? 3000 : 10000;
    PerSide fps = new PerSide();
    PerSide cpu = new PerSide();
    for (int r = 0; r < runs; r++) {
      for (int k = 0; k < 2; k++) {
        int s = (r + k) % 2;
        VideoPushBench.Result result =
            s == 0
                ? VideoPushBench.runJrtc(warmMs, measureMs)
                : VideoPushBench.runRaw(warmMs, measureMs);
        log(
            "video %s: pushed %.0f/s, received %.1f fps (%s), CPU %.2f cores",
            result.source(),
            result.pushedPerS(),
            result.receivedFps(),
            result.size(),
            result.cpu());
        fps.get(s).add(result.receivedFps());
        cpu.get(s).add(result.cpu());
      }
    }
    table.add("video 1280×720 pushed unpaced, frames/s delivered ²", fps, "%.1f");
    table.add("  process CPU while pushing (cores) ²", cpu, "%.2f");
  }

  private void memory() throws Exception {
    int[] sizes = {200, 1000};
    int cycles = 500;
    int runs = quick ? 1 : 3;
    PerSide[] total = {new PerSide(), new PerSide()};
    PerSide[] rss = {new PerSide(), new PerSide()};
    PerSide[] heap = {new PerSide(), new PerSide()};
    PerSide[] threads = {new PerSide(), new PerSide()};
    PerSide[] fds = {new PerSide(), new PerSide()};
    PerSide kept = new PerSide();
    PerSide keptHeap = new PerSide();
    for (int r = 0; r < runs; r++) {
      // Both sides' children at once: separate processes, so each RSS stays clean, and machine
      // load hits both alike.
      List<Child> children = new ArrayList<>();
      for (int s = 0; s < 2; s++) {
        children.add(new Child(s, "pairs", sizes[0] + "," + sizes[1]));
        if (r == 0) {
          children.add(new Child(s, "cycles", Integer.toString(cycles)));
        }
      }
      for (Child c : children) {
        for (double[] v : c.results()) {
          if (c.mode.equals("cycles")) {
            kept.get(c.side).add(v[1]);
            keptHeap.get(c.side).add(v[2]);
            continue;
          }
          int k = v[0] == sizes[0] ? 0 : 1;
          total[k].get(c.side).add(v[1] + v[2]);
          rss[k].get(c.side).add(v[1]);
          heap[k].get(c.side).add(v[2]);
          threads[k].get(c.side).add(v[3]);
          fds[k].get(c.side).add(v[4]);
        }
      }
    }
    for (int k = 0; k < sizes.length; k++) {
      int n = sizes[k];
      table.add("memory per connected pair, " + n + " pairs (kB) ³", total[k], "%.0f");
      table.add("  of which native (RSS growth, kB)", rss[k], "%.0f");
      table.add("  of which Java heap kept after GC (kB)", heap[k], "%.1f");
      table.add("threads per connected pair, " + n + " pairs", threads[k], "%.3f");
      table.add("file descriptors per connected pair, " + n + " pairs", fds[k], "%.2f");
    }
    table.add("RSS kept per closed pair, " + cycles + " cycles (kB) ³", kept, "%.1f");
    table.add("  Java heap kept per closed pair (kB)", keptHeap, "%.2f");
  }

  /** A MemoryProbe child JVM for one side. */
  private static final class Child {
    final int side;
    final String mode;
    private final Process process;
    private final List<double[]> results = new ArrayList<>();
    private final Thread reader;

    Child(int side, String mode, String counts) throws Exception {
      this.side = side;
      this.mode = mode;
      String name = side == 0 ? "jrtc" : "raw";
      log("child JVM: %s %s %s", name, mode, counts);
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd = new ArrayList<>();
      cmd.add(java);
      // Fixed and pre-touched: heap pages never enter RSS during the run, so RSS growth is native.
      cmd.add("-Xms512m");
      cmd.add("-Xmx512m");
      cmd.add("-XX:+AlwaysPreTouch");
      cmd.add("-XX:+UseSerialGC");
      cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(MemoryProbe.class.getName());
      cmd.add(name);
      cmd.add(mode);
      cmd.add(counts);
      process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      reader = new Thread(this::read, "bench-child-" + name + "-" + mode);
      reader.start();
    }

    private void read() {
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("RESULT ")) {
            log("%s %s: %s", side == 0 ? "jrtc" : "raw", mode, line);
            String[] f = line.split(" ");
            double[] v = new double[f.length - 1];
            for (int i = 1; i < f.length; i++) {
              v[i - 1] = Double.parseDouble(f[i]);
            }
            synchronized (results) {
              results.add(v);
            }
          }
        }
      } catch (java.io.IOException e) {
        log("reading child output failed: %s", e);
      }
    }

    List<double[]> results() throws InterruptedException {
      reader.join();
      int exit = process.waitFor();
      if (exit != 0) {
        log("memory probe %s %s exited with %d", side == 0 ? "jrtc" : "raw", mode, exit);
      }
      synchronized (results) {
        return new ArrayList<>(results);
      }
    }
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

  private static final long START = System.nanoTime();

  static void log(String format, Object... args) {
    System.err.printf(
        Locale.ROOT,
        "[bench %5.1fs] " + format + "%n",
        prepend((System.nanoTime() - START) / 1e9, args));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** One Samples per side: index 0 is jrtc, 1 is raw. */
  static final class PerSide {
    private final Samples[] bySide = {new Samples(), new Samples()};

    Samples get(int side) {
      return bySide[side];
    }
  }
}

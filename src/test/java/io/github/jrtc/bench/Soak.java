package io.github.jrtc.bench;

import io.github.jrtc.Ffprobe;
import io.github.jrtc.signaling.ReceivedMedia;
import io.github.jrtc.signaling.TestPatternMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The soak behind {@code scripts/soak} and SoakIT: N jrtc callers × R rounds into a child {@code
 * scripts/jrtc serve} (launcher defaults, heap fixed and pre-touched so RSS growth is native), each
 * call 640x480 VP8 + Opus both ways and a data channel echo; per round the child's RSS, threads,
 * fds and NMT categories, and the least-squares slope of RSS per call. With {@code --minutes M}:
 * one call that long, printing frame rate, bitrate and RSS each minute.
 *
 * <p>Prints {@code RESULT key=value ...} last (SoakIT parses it). Usage: {@code Soak [--callers N]
 * [--rounds R] [--seconds MIN-MAX] [--settle S] [--fit FROM-TO] [--minutes M] [--record DIR]
 * [--repo DIR] [--log FILE] [--java-opts "..."] [--env K=V]... [--seed N]}.
 */
public final class Soak {
  static final String DEFAULT_JAVA_OPTS =
      "-Xms384m -Xmx384m -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary";

  private int callers = 3;
  private int rounds = 10;
  private int minSeconds = 5;
  private int maxSeconds = 15;
  private int settleSeconds = 5;
  private int fitFrom = 16;
  private int fitTo = Integer.MAX_VALUE;
  private int minutes;
  private long seed = 20;
  private Path repo = Path.of(".");
  private Path log = Path.of("target/soak-serve.log");
  private Path record;
  private String javaOpts = DEFAULT_JAVA_OPTS;
  private final Map<String, String> env = new LinkedHashMap<>();

  private Soak() {}

  public static void main(String[] args) {
    try {
      Soak s = parse(args);
      if (s.minutes > 0) {
        s.longCall();
      } else {
        s.rounds();
      }
      System.out.flush();
      Runtime.getRuntime().halt(0);
    } catch (Throwable t) { // NOPMD: report and end; native threads would keep the JVM alive
      t.printStackTrace();
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  private static Soak parse(String[] args) {
    Soak s = new Soak();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String v = i + 1 < args.length ? args[i + 1] : null;
      switch (a) {
        case "--callers" -> s.callers = Integer.parseInt(v);
        case "--rounds" -> s.rounds = Integer.parseInt(v);
        case "--seconds" -> {
          String[] r = v.split("-");
          s.minSeconds = Integer.parseInt(r[0]);
          s.maxSeconds = Integer.parseInt(r[r.length - 1]);
        }
        case "--settle" -> s.settleSeconds = Integer.parseInt(v);
        case "--fit" -> {
          String[] r = v.split("-");
          s.fitFrom = Integer.parseInt(r[0]);
          s.fitTo = r.length > 1 ? Integer.parseInt(r[1]) : Integer.MAX_VALUE;
        }
        case "--minutes" -> s.minutes = Integer.parseInt(v);
        case "--seed" -> s.seed = Long.parseLong(v);
        case "--repo" -> s.repo = Path.of(v);
        case "--log" -> s.log = Path.of(v);
        case "--record" -> s.record = Path.of(v).toAbsolutePath();
        case "--java-opts" -> s.javaOpts = v;
        case "--env" -> {
          int eq = v.indexOf('=');
          s.env.put(v.substring(0, eq), v.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
      i++;
    }
    return s;
  }

  private ServeChild startServe() throws Exception {
    List<String> opts = javaOpts.isBlank() ? List.of() : List.of(javaOpts.trim().split("\\s+"));
    List<String> serveArgs = record == null ? List.of() : List.of("--record", record.toString());
    if (record != null) {
      Files.createDirectories(record);
      try (var list = Files.list(record)) {
        if (list.findAny().isPresent()) {
          throw new IllegalArgumentException("--record " + record + ": not empty");
        }
      }
    }
    ServeChild serve = ServeChild.start(repo, opts, env, serveArgs, log);
    say(
        "# serve pid %d on %s; JRTC_JAVA_OPTS=%s; env %s; serve %s; its output: %s",
        serve.pid(), serve.signaling(), String.join(" ", opts), env, serveArgs, log);
    return serve;
  }

  private List<SoakCaller> signIn(ServeChild serve, int n, TestPatternMedia media)
      throws Exception {
    List<SoakCaller> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(SoakCaller.signIn(serve.signaling(), "soak-" + i, "jrtc-bot", media));
    }
    return list;
  }

  private void rounds() throws Exception {
    Random random = new Random(seed);
    List<double[]> samples = new ArrayList<>(); // {calls, rssKb}
    List<double[]> untracked = new ArrayList<>(); // {calls, RSS minus NMT's total}
    // {calls, RSS after glibc's malloc_trim minus NMT's total}: memory the bot still holds, without
    // the free pages glibc keeps (how many it keeps moves by megabytes with timing, not with calls)
    List<double[]> kept = new ArrayList<>();
    int calls = 0;
    int failed = 0;
    Map<String, Long> nmtFirst = null;
    Map<String, Long> nmtLast = null;
    Map<String, Long> objectsFirst = null;
    int objectsFirstCalls = 0;
    long threadsFirst = 0;
    long fdsFirst = 0;
    long threadsLast = 0;
    long fdsLast = 0;
    try (ServeChild serve = startServe();
        TestPatternMedia media = new TestPatternMedia()) {
      List<SoakCaller> list = signIn(serve, callers, media);
      try {
        Thread.sleep(settleSeconds * 1000L);
        long rss0 = serve.rssKb();
        samples.add(new double[] {0, rss0});
        nmtFirst = serve.nmt();
        untracked.add(new double[] {0, rss0 - nmtFirst.getOrDefault("Total", 0L)});
        long kept0 = trimmedRssKb(serve) - nmtFirst.getOrDefault("Total", 0L);
        kept.add(new double[] {0, kept0});
        say(
            "round %3d calls %4d  RSS %7d kB            threads %4d fds %4d  NMT %7d kB"
                + "  not in NMT %7d kB  after trim %7d kB  load %s",
            0,
            0,
            rss0,
            serve.threads(),
            serve.fds(),
            nmtFirst.getOrDefault("Total", -1L),
            rss0 - nmtFirst.getOrDefault("Total", 0L),
            kept0,
            load());
        long prevRss = rss0;
        double prevCpu = serve.cpuSeconds();
        for (int r = 1; r <= rounds; r++) {
          int seconds = minSeconds + random.nextInt(maxSeconds - minSeconds + 1);
          List<CompletableFuture<Void>> up = new ArrayList<>();
          for (SoakCaller c : list) {
            up.add(c.call());
          }
          boolean[] connected = new boolean[list.size()];
          for (int i = 0; i < up.size(); i++) {
            try {
              up.get(i).get(60, TimeUnit.SECONDS);
              connected[i] = true;
            } catch (Exception e) {
              say("# round %d: %s did not connect and echo: %s", r, list.get(i).name(), e);
            }
          }
          Thread.sleep(seconds * 1000L);
          int ok = 0;
          StringBuilder fps = new StringBuilder();
          for (int i = 0; i < list.size(); i++) {
            SoakCaller.Outcome o = list.get(i).hangUp(connected[i]);
            if (o.ok()) {
              ok++;
            } else {
              say("# round %d: %s: %s", r, list.get(i).name(), o);
            }
            fps.append(fps.length() == 0 ? "" : "/").append(o.framesReceived() / seconds);
          }
          calls += list.size();
          failed += list.size() - ok;
          if (!serve.alive()) {
            throw new IllegalStateException("serve exited; see " + serve.log());
          }
          double cpu = serve.cpuSeconds();
          Thread.sleep(settleSeconds * 1000L);
          long rss = serve.rssKb();
          samples.add(new double[] {calls, rss});
          Map<String, Long> nmt = serve.nmt();
          nmtLast = nmt;
          untracked.add(new double[] {calls, rss - nmt.getOrDefault("Total", 0L)});
          long keptKb = trimmedRssKb(serve) - nmt.getOrDefault("Total", 0L);
          kept.add(new double[] {calls, keptKb});
          threadsLast = serve.threads();
          fdsLast = serve.fds();
          if (r == 1) {
            threadsFirst = threadsLast;
            fdsFirst = fdsLast;
            objectsFirst = serve.liveObjects();
            objectsFirstCalls = calls;
          }
          say(
              "round %3d calls %4d  RSS %7d kB (%+6d)  threads %4d fds %4d  NMT %7d kB"
                  + "  not in NMT %7d kB  after trim %7d kB  slope %7.1f kB/call  ok %d/%d  %d s"
                  + "  fps %s"
                  + "  serve CPU %.2f s/call-second  load %s",
              r,
              calls,
              rss,
              rss - prevRss,
              threadsLast,
              fdsLast,
              nmt.getOrDefault("Total", -1L),
              rss - nmt.getOrDefault("Total", 0L),
              keptKb,
              slope(samples, 0, Integer.MAX_VALUE),
              ok,
              list.size(),
              seconds,
              fps,
              (cpu - prevCpu) / list.size() / seconds,
              load());
          prevRss = rss;
          prevCpu = serve.cpuSeconds();
        }
        Map<String, Long> objectsLast = serve.liveObjects();
        say("# NMT categories that moved (committed kB, before the first call → after the last):");
        for (Map.Entry<String, Long> e : nmtLast.entrySet()) {
          long before = nmtFirst.getOrDefault(e.getKey(), 0L);
          if (Math.abs(e.getValue() - before) >= 64) {
            say(
                "#   %-28s %8d → %8d (%+d)",
                e.getKey(), before, e.getValue(), e.getValue() - before);
          }
        }
        say(
            "# live jrtc/webrtc-java objects that grew from call %d to call %d (after a full GC):",
            objectsFirstCalls, calls);
        int grew = 0;
        for (Map.Entry<String, Long> e : objectsLast.entrySet()) {
          long before = objectsFirst.getOrDefault(e.getKey(), 0L);
          if (e.getValue() > before) {
            grew++;
            say(
                "#   %+6d (%.2f per call)  %s",
                e.getValue() - before,
                (e.getValue() - before) / (double) Math.max(1, calls - objectsFirstCalls),
                e.getKey());
          }
        }
        if (grew == 0) {
          say("#   (none)");
        }
        if (record != null) {
          reportRecordings(calls);
        }
      } finally {
        for (SoakCaller c : list) {
          c.close();
        }
      }
    }
    LinearFit all = fit(samples, 0, Integer.MAX_VALUE);
    LinearFit window = fit(samples, fitFrom, fitTo);
    // RSS minus NMT's total: native memory the JVM does not account for (libwebrtc's,
    // webrtc-java's, glibc's), without the JIT's and metaspace's warm-up.
    LinearFit notJvm = fit(untracked, fitFrom, fitTo);
    // The same after malloc_trim: what libwebrtc and webrtc-java still hold.
    LinearFit held = fit(kept, fitFrom, fitTo);
    say(
        "RESULT calls=%d failed=%d slope=%.1f window=%d-%d slopeWindow=%.1f ci95=%.1f"
            + " notInNmtSlopeWindow=%.1f notInNmtCi95=%.1f keptSlopeWindow=%.1f keptCi95=%.1f"
            + " threadsGrowth=%d fdsGrowth=%d",
        calls,
        failed,
        all.slope(),
        fitFrom,
        Math.min(fitTo, calls),
        window.slope(),
        window.ci95(),
        notJvm.slope(),
        notJvm.ci95(),
        held.slope(),
        held.ci95(),
        threadsLast - threadsFirst,
        fdsLast - fdsFirst);
  }

  /**
   * With {@code --record}: one file per call, each complete (ffprobe reads a duration, a video and
   * an audio stream), so the memory measured is that of calls that were recorded to the end.
   */
  private void reportRecordings(int calls) throws Exception {
    List<Path> files;
    try (var list = Files.list(record)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    int complete = 0;
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
      Ffprobe.Result p = Ffprobe.probe(f);
      if (p.duration() > 0 && p.video() != null && p.audio() != null) {
        complete++;
      } else {
        say("#   incomplete recording %s: %s", f.getFileName(), p.raw());
      }
    }
    say(
        "# recordings in %s: %d files for %d calls, %d complete (video and audio), %.1f MB",
        record, files.size(), calls, complete, bytes / 1e6);
  }

  /** The child's RSS after glibc's malloc_trim (the sample before it is the untrimmed RSS). */
  private static long trimmedRssKb(ServeChild serve) throws Exception {
    serve.trimNativeHeap();
    return serve.rssKb();
  }

  private void longCall() throws Exception {
    try (ServeChild serve = startServe();
        TestPatternMedia media = new TestPatternMedia()) {
      SoakCaller c = signIn(serve, 1, media).get(0);
      try {
        Thread.sleep(settleSeconds * 1000L);
        long rss0 = serve.rssKb();
        say("minute   0  RSS %7d kB  threads %d  load %s", rss0, serve.threads(), load());
        c.call().get(60, TimeUnit.SECONDS);
        long frames = 0;
        long[] bytes = c.transportBytes();
        long start = System.nanoTime();
        List<double[]> samples = new ArrayList<>();
        for (int m = 1; m <= minutes; m++) {
          long due = start + TimeUnit.MINUTES.toNanos(m);
          Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
          ReceivedMedia rm = c.received();
          long[] now = c.transportBytes();
          long rss = serve.rssKb();
          samples.add(new double[] {m, rss});
          Map<String, Long> nmt = serve.nmt();
          say(
              "minute %3d  RSS %7d kB (%+6d since the call began)  NMT %7d kB  threads %d"
                  + "  received %.1f fps %dx%d  in %.0f kbit/s  out %.0f kbit/s  load %s",
              m,
              rss,
              rss - rss0,
              nmt.getOrDefault("Total", -1L),
              serve.threads(),
              (rm.videoFrames() - frames) / 60.0,
              rm.width(),
              rm.height(),
              (now[0] - bytes[0]) * 8 / 60.0 / 1000,
              (now[1] - bytes[1]) * 8 / 60.0 / 1000,
              load());
          frames = rm.videoFrames();
          bytes = now;
        }
        SoakCaller.Outcome o = c.hangUp(true);
        Thread.sleep(settleSeconds * 1000L);
        say("# after hang-up: RSS %d kB; the call: %s", serve.rssKb(), o);
        LinearFit f = LinearFit.of(col(samples, 0), col(samples, 1));
        say("RESULT minutes=%d ok=%s slopePerMinute=%.1f", minutes, o.ok(), f.slope());
      } finally {
        c.close();
      }
    }
  }

  private static LinearFit fit(List<double[]> samples, int fromCall, int toCall) {
    List<double[]> in = new ArrayList<>();
    for (double[] s : samples) {
      // The sample taken after call fromCall-1 is the window's starting point.
      if (s[0] >= fromCall - 1 && s[0] <= toCall) {
        in.add(s);
      }
    }
    return LinearFit.of(col(in, 0), col(in, 1));
  }

  private static double slope(List<double[]> samples, int from, int to) {
    LinearFit f = fit(samples, from, to);
    return f.n() < 2 ? 0 : f.slope();
  }

  private static double[] col(List<double[]> rows, int c) {
    return rows.stream().mapToDouble(r -> r[c]).toArray();
  }

  private static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}

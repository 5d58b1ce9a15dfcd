package io.github.jrtc.whip;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CPU a {@code jrtc whip-server} spends per recorded WHIP session and per WHEP viewer. The
 * server runs in its own JVM (this class path, {@code whip-server --record DIR --format webm});
 * this JVM publishes the 320x240 30 fps bar and a 440 Hz tone with {@link WhipClient} (N sessions:
 * 0, 1, 2, 4) and then plays one session with N {@link WhepClient} viewers (0, 1, 2, 4). Each step
 * warms up, then reads the server's utime+stime from {@code /proc/<pid>/stat} over a window and
 * prints it as a fraction of one core, with the machine's load average (from {@code /proc/loadavg})
 * before and after. Run by {@code scripts/whip-cpu [--window S]} inside a network namespace.
 */
public final class WhipCpuBench {
  private static final Pattern ENDPOINT = Pattern.compile("WHIP endpoint: (http://\\S+/whip)");
  private static final int[] STEPS = {0, 1, 2, 4};
  private static final long CLOCK_TICKS = 100; // USER_HZ; `getconf CLK_TCK` on Linux x86-64

  private final int windowSeconds;
  private final int warmupSeconds;
  private Process server;
  private URI whip;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private WhipCpuBench(int windowSeconds, int warmupSeconds) {
    this.windowSeconds = windowSeconds;
    this.warmupSeconds = warmupSeconds;
  }

  public static void main(String[] args) throws Exception {
    int window = 20;
    int warmup = 8;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--window" -> window = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("usage: [--window S] [--warmup S]");
      }
    }
    WhipCpuBench b = new WhipCpuBench(window, warmup);
    try {
      b.run();
    } catch (Exception e) {
      System.out.println("whip-server said:\n" + String.join("\n", b.lines));
      throw e;
    } finally {
      b.stopServer();
    }
    System.exit(0); // libwebrtc's threads are not daemons
  }

  private void run() throws Exception {
    Path rec = Files.createTempDirectory("whip-cpu");
    server = startServer(rec, lines);
    whip = URI.create(awaitLine(lines, ENDPOINT));
    System.out.printf(
        Locale.ROOT,
        "whip-server pid %d, window %d s after %d s warm-up, %d cores%n%n",
        server.pid(),
        windowSeconds,
        warmupSeconds,
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| load | N | server CPU (cores) | per session/viewer | load avg before..after |");
    System.out.println("|---|---|---|---|---|");
    // The server's first session loads FFmpeg and warms its JIT: not part of any step.
    try (TestMedia warm = new TestMedia();
        WhipSession s = publish(warm)) {
      Thread.sleep(warmupSeconds * 1000L);
    }
    Thread.sleep(3000);
    double base = -1;
    for (int n : STEPS) {
      List<AutoCloseable> open = new ArrayList<>();
      try {
        for (int i = 0; i < n; i++) {
          TestMedia media = new TestMedia();
          open.add(media);
          open.add(publish(media));
        }
        Sample s = measure(() -> 0);
        if (n == 0) {
          base = s.cores;
        }
        row("recorded WHIP sessions", n, s, base);
      } finally {
        closeAll(open);
      }
      Thread.sleep(3000); // the files finish
    }
    TestMedia media = new TestMedia();
    WhipSession publisher = publish(media);
    String id = publisher.resource().getPath().substring("/whip/".length());
    URI whep = whip.resolve("/whep/" + id);
    try {
      for (int n : STEPS) {
        List<AutoCloseable> open = new ArrayList<>();
        List<ReceivedCounter> counters = new ArrayList<>();
        try {
          for (int i = 0; i < n; i++) {
            WhepSession v =
                WhepClient.builder()
                    .requestTimeout(Duration.ofSeconds(30))
                    .build()
                    .play(whep)
                    .get(90, TimeUnit.SECONDS);
            open.add(v);
            ReceivedCounter c = new ReceivedCounter(v.stream());
            counters.add(c);
            open.add(c);
          }
          Sample s = measure(() -> counters.stream().mapToLong(c -> c.frames.get()).sum());
          if (n == 0) {
            base = s.cores;
          }
          row("WHEP viewers of 1 recorded session", n, s, base);
          if (n > 0) {
            System.out.printf(
                Locale.ROOT, "  (each viewer decoded %.1f fps in the window)%n", s.frames / n);
          }
        } finally {
          closeAll(open);
        }
        Thread.sleep(2000);
      }
    } finally {
      publisher.close();
      media.close();
    }
    List<String> ended = lines.stream().filter(l -> l.contains("ended after")).toList();
    System.out.printf("%nserver: %d sessions ended; last: %s%n", ended.size(), last(ended));
  }

  /** Under a loaded machine the server's answer can take longer than the clients' default 10 s. */
  private WhipSession publish(TestMedia media) throws Exception {
    return WhipClient.builder()
        .requestTimeout(Duration.ofSeconds(30))
        .build()
        .publish(whip, media.stream())
        .get(90, TimeUnit.SECONDS);
  }

  /** The server's CPU in cores and {@code frames}' rate per second, over the window. */
  private record Sample(double cores, double frames, String load) {}

  private Sample measure(LongSupplier frames) throws Exception {
    Thread.sleep(warmupSeconds * 1000L);
    String l0 = loadAverage();
    long t0 = cpuTicks(server.pid());
    long f0 = frames.getAsLong();
    long n0 = System.nanoTime();
    Thread.sleep(windowSeconds * 1000L);
    long t1 = cpuTicks(server.pid());
    long f1 = frames.getAsLong();
    double seconds = (System.nanoTime() - n0) / 1e9;
    return new Sample(
        (t1 - t0) / (double) CLOCK_TICKS / seconds, (f1 - f0) / seconds, l0 + ".." + loadAverage());
  }

  private static void row(String what, int n, Sample s, double base) {
    String per = n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (s.cores - base) / n);
    System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %s | %s |%n", what, n, s.cores, per, s.load);
  }

  /** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/PID/stat). */
  static long cpuTicks(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  private static String loadAverage() throws Exception {
    return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
  }

  private static String last(List<String> l) {
    return l.isEmpty() ? "none" : l.get(l.size() - 1);
  }

  private static void closeAll(List<AutoCloseable> open) {
    for (int i = open.size() - 1; i >= 0; i--) {
      try {
        open.get(i).close();
      } catch (Exception e) {
        System.out.println("  (closing: " + e + ")");
      }
    }
  }

  private Process startServer(Path rec, List<String> lines) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-XX:TrimNativeHeapInterval=1000");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.github.jrtc.cli.Main");
    cmd.addAll(
        List.of("whip-server", "--port", "0", "--record", rec.toString(), "--format", "webm"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("MALLOC_ARENA_MAX", "1"); // as scripts/jrtc runs it
    Process p = pb.start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                }
              } catch (java.io.IOException e) {
                lines.add("(output lost: " + e + ")");
              }
            },
            "whip-server-output");
    reader.setDaemon(true);
    reader.start();
    return p;
  }

  private void stopServer() throws Exception {
    if (server != null && server.isAlive()) {
      new ProcessBuilder("kill", "-TERM", Long.toString(server.pid())).start().waitFor();
      if (!server.waitFor(90, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }

  private static String awaitLine(List<String> lines, Pattern p) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      for (String l : lines) {
        Matcher m = p.matcher(l);
        if (m.find()) {
          return m.group(1);
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("whip-server did not start: " + lines);
  }
}

package io.github.jrtc.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code scripts/jrtc serve} as a child process, started the way an operator starts it (the
 * launcher's own JVM options and environment), plus the JVM options a soak adds through {@code
 * JRTC_JAVA_OPTS}; and what the soak reads from it: RSS, threads and file descriptors from /proc,
 * NMT categories and class histograms through jcmd. The child runs in the caller's network
 * namespace (the launcher's own {@code JRTC_NETNS} is cleared: the soak already runs inside one).
 */
final class ServeChild implements AutoCloseable {
  private static final Pattern NMT_ROW =
      Pattern.compile("^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)");
  private static final Pattern NMT_TOTAL =
      Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");
  private static final Pattern HISTO_ROW =
      Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  private final Process process;
  private final int port;
  private final Path log;

  private ServeChild(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code repo/scripts/jrtc serve} on a free port with the launcher's defaults plus {@code
   * javaOpts}; its output goes to {@code log}. {@code env} adds to (or, with an empty value,
   * removes from) the child's environment.
   */
  static ServeChild start(
      Path repo, List<String> javaOpts, Map<String, String> env, List<String> serveArgs, Path log)
      throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(repo.resolve("scripts/jrtc").toString());
    cmd.addAll(List.of("serve", "--host", "127.0.0.1", "--port", Integer.toString(port)));
    cmd.addAll(serveArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile());
    pb.environment().remove("JRTC_NETNS");
    pb.environment().put("JRTC_NO_BUILD", "1");
    pb.environment().put("JRTC_JAVA_OPTS", String.join(" ", javaOpts));
    env.forEach(
        (k, v) -> {
          if (v.isEmpty()) {
            pb.environment().remove(k);
          } else {
            pb.environment().put(k, v);
          }
        });
    pb.redirectErrorStream(true);
    Files.createDirectories(log.toAbsolutePath().getParent());
    Process p = pb.start();
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader r =
                      new BufferedReader(
                          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                  PrintStream out =
                      new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                  out.println(line);
                }
              } catch (IOException e) {
                // The child is gone; its log ends here.
              }
            },
            "serve-child-output");
    drain.setDaemon(true);
    drain.start();
    ServeChild child = new ServeChild(p, port, log);
    child.awaitListening();
    return child;
  }

  /** The bot signs in right after the server listens; callers then wait for it in the user list. */
  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroyForcibly();
          throw new IOException("serve did not listen on " + port + "; see " + log, e);
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
    }
  }

  URI signaling() {
    return URI.create("ws://127.0.0.1:" + port + "/");
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  Path log() {
    return log;
  }

  long rssKb() throws IOException {
    return status("VmRSS:");
  }

  long threads() throws IOException {
    return status("Threads:");
  }

  /** CPU time the child used so far (user + system), in seconds. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
    // Fields after the command name (which may hold spaces) start after its closing parenthesis.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
  }

  long fds() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
      return s.count();
    }
  }

  private long status(String key) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
      if (line.startsWith(key)) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IOException("no " + key + " for " + pid());
  }

  /** NMT committed kB by category, plus "Total"; empty without -XX:NativeMemoryTracking. */
  Map<String, Long> nmt() throws IOException, InterruptedException {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String line : jcmd("VM.native_memory", "summary").split("\n")) {
      Matcher t = NMT_TOTAL.matcher(line);
      if (t.find()) {
        m.put("Total", Long.parseLong(t.group(2)));
        continue;
      }
      Matcher r = NMT_ROW.matcher(line.trim());
      if (r.find()) {
        m.put(r.group(1), Long.parseLong(r.group(3)));
      }
    }
    return m;
  }

  /**
   * Live instances by class (after the full GC jcmd's histogram runs) of jrtc's and webrtc-java's
   * classes: what a call leaves behind on the Java side, and so which native handles it still
   * holds.
   */
  Map<String, Long> liveObjects() throws IOException, InterruptedException {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String line : jcmd("GC.class_histogram").split("\n")) {
      Matcher r = HISTO_ROW.matcher(line);
      if (r.find()
          && (r.group(3).startsWith("dev.onvoid.webrtc")
              || r.group(3).startsWith("io.github.jrtc"))) {
        m.put(r.group(3), Long.parseLong(r.group(1)));
      }
    }
    return m;
  }

  /** glibc's malloc_trim in the child: what it gives back was free, not leaked. */
  void trimNativeHeap() throws IOException, InterruptedException {
    jcmd("System.trim_native_heap");
  }

  String jcmd(String... command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    cmd.add(Long.toString(pid()));
    cmd.addAll(List.of(command));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
    }
    return out;
  }

  /** SIGTERM (the launcher's shutdown hook closes the bot and server), then SIGKILL. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

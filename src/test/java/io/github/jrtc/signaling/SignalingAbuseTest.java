package io.github.jrtc.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.ReliabilityReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The signaling server under abuse from loopback clients, all at once against one server with a
 * token set: floods, slowloris (requests trickled a byte at a time, never finished, sockets that
 * send nothing, more sockets than the server accepts), oversize request heads, oversize and
 * endlessly fragmented frames, half-open WebSockets that never read, and bad tokens and origins.
 * Meanwhile a well-behaved client keeps chatting and must get every echo in bounded time; new
 * clients must still get in; afterwards heap, threads and file descriptors are back near where they
 * started, and no connection without the token ever got in.
 */
class SignalingAbuseTest {
  private static final String TOKEN = "8c1d0f2e-abuse-test-token";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(4);
  private static final int MAX_SOCKETS = 300;

  /** Whatever the load, a well-behaved client's chat echo and a new sign-in come back this fast. */
  private static final long MAX_LATENCY_MS = 5000;

  private final AtomicLong cases = new AtomicLong();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger peakThreads = new AtomicInteger();
  private SignalingServer server;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void theServerSurvivesAbuseAndKeepsServingAWellBehavedClient() throws Exception {
    server =
        SignalingServer.builder()
            .host("127.0.0.1")
            .port(0)
            .accessToken(TOKEN)
            .requestTimeout(REQUEST_TIMEOUT)
            .idleTimeout(IDLE_TIMEOUT)
            .maxConnections(100)
            .maxSockets(MAX_SOCKETS)
            .maxMessageBytes(64 * 1024)
            .rateLimit(50, 200, 500)
            .build()
            .start();
    ExecutorService attackers = Executors.newFixedThreadPool(12);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread probeThread = null;
    try (RawClient probe = RawClient.signIn(authorized(), "probe")) {
      // Chatting from the start: a probe silent for the idle timeout (GC pauses on a loaded
      // machine) would rightly be dropped as dead.
      probeThread = new Thread(() -> chatLoop(probe, running), "abuse-probe");
      probeThread.start();
      settle();
      long heap0 = usedHeapAfterGc();
      int threads0 = count("/proc/self/task");
      int fds0 = count("/proc/self/fd");

      List<Future<?>> phases = new ArrayList<>();
      phases.add(attackers.submit(this::badTokensAndOrigins));
      phases.add(attackers.submit(this::flood));
      phases.add(attackers.submit(this::flood));
      phases.add(attackers.submit(() -> trickle(30)));
      phases.add(attackers.submit(() -> unfinished(60)));
      phases.add(attackers.submit(() -> silent(60)));
      phases.add(attackers.submit(this::oversizeHeads));
      phases.add(attackers.submit(this::oversizeFrames));
      phases.add(attackers.submit(this::fragmentedHugeMessages));
      phases.add(attackers.submit(() -> neverReading(20)));
      for (Future<?> f : phases) {
        f.get(120, TimeUnit.SECONDS);
      }
      // Last, with the rest done: more sockets than the server accepts at all.
      exhaustSockets(MAX_SOCKETS + 100);

      running.set(false);
      probeThread.join(20_000);
      assertThat(probe.closed).as("the probe's connection").isNotDone();
      awaitUntil(() -> server.connectionCount() == 1, 15_000, "only the probe left connected");
      awaitUntil(() -> count("/proc/self/fd") <= fds0 + 8, 15_000, "fds back to the start");
      int fds1 = count("/proc/self/fd");
      int threads1 = count("/proc/self/task");
      long heap1 = usedHeapAfterGc();

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      long p50 = sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
      long p99 = sorted.isEmpty() ? -1 : sorted.get((int) (sorted.size() * 0.99));
      long max = sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
      String note =
          String.format(
              Locale.ROOT,
              "probe echo p50/p99/max %d/%d/%d ms over %d; heap after GC %+.1f MB, threads %d→%d"
                  + " (peak %d), fds %d→%d; %d upgrades refused",
              p50,
              p99,
              max,
              sorted.size(),
              (heap1 - heap0) / 1048576.0,
              threads0,
              threads1,
              peakThreads.get(),
              fds0,
              fds1,
              server.rejectedUpgrades());
      System.out.println("signaling abuse: " + cases.get() + " cases; " + note);
      if (sorted.size() < 20) {
        failures.add("the probe got only " + sorted.size() + " echoes");
      }
      if (max > MAX_LATENCY_MS) {
        failures.add("probe latency " + max + " ms");
      }
      if (heap1 - heap0 > (32L << 20)) {
        failures.add("heap grew " + (heap1 - heap0) + " bytes");
      }
      // Jetty's pool (64 at most) and the JDK client's threads may still be idling; a thread per
      // connection would be hundreds.
      if (peakThreads.get() > threads0 + 90) {
        failures.add("threads peaked at " + peakThreads.get());
      }
      ReliabilityReport.row(
          "signaling abuse (loopback flood, slowloris, oversize, bad tokens)",
          cases.get(),
          failures.size(),
          note);
      assertThat(failures).isEmpty();
      assertThat(server.isRunning()).isTrue();
    } finally {
      running.set(false);
      attackers.shutdownNow();
      server.close();
    }
  }

  // ---- the well-behaved client ----

  private void chatLoop(RawClient probe, AtomicBoolean running) {
    int n = 0;
    while (running.get()) {
      String text = "probe-" + n++;
      long t0 = System.nanoTime();
      try {
        probe.send(Map.of("type", "message", "text", text));
        probe.await(m -> m.path("text").asText().equals(text));
        latencies.add((System.nanoTime() - t0) / 1_000_000);
        peakThreads.accumulateAndGet(count("/proc/self/task"), Math::max);
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      } catch (Exception | AssertionError e) {
        failures.add("probe chat " + text + ": " + e);
        return;
      }
    }
  }

  /** A new client signs in while the attack goes on. */
  private void freshSignIn(String why) {
    long t0 = System.nanoTime();
    try (RawClient c = RawClient.signIn(authorized(), "fresh")) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (ms > MAX_LATENCY_MS) {
        failures.add("sign-in during " + why + " took " + ms + " ms");
      }
    } catch (Exception | AssertionError e) {
      failures.add("sign-in during " + why + ": " + e);
    }
  }

  // ---- attacks ----

  private void badTokensAndOrigins() {
    String good = "/?token=" + TOKEN;
    List<String[]> tries =
        List.of(
            new String[] {"/"},
            new String[] {"/?token="},
            new String[] {"/?token=wrong"},
            new String[] {"/?token=" + TOKEN.substring(0, TOKEN.length() - 1)},
            new String[] {"/?token=" + TOKEN + "x"},
            new String[] {"/?token=" + TOKEN.toUpperCase(Locale.ROOT)},
            new String[] {"/?tok=" + TOKEN},
            new String[] {"/", "Authorization: Bearer wrong"},
            new String[] {"/", "Authorization: Basic " + TOKEN},
            new String[] {"/", "Authorization: Bearer"},
            new String[] {"/", "X-Token: " + TOKEN},
            new String[] {good, "Origin: https://evil.example"},
            new String[] {good, "Origin: null"});
    for (int round = 0; round < 30; round++) {
      for (String[] t : tries) {
        cases.incrementAndGet();
        boolean origin = t.length > 1 && t[1].startsWith("Origin");
        int expected = origin ? 403 : 401;
        try (RawSocket s = RawSocket.connect(server.port())) {
          s.write(RawSocket.upgradeRequest(t[0], Stream.of(t).skip(1).toArray(String[]::new)));
          int status = s.readStatus(10_000);
          if (status != expected) {
            failures.add("upgrade " + String.join(" ", t) + " answered " + status);
          }
          if (!s.closedByServer(5000)) {
            failures.add("a refused upgrade left its connection open");
          }
        } catch (IOException e) {
          failures.add("bad-token try " + String.join(" ", t) + ": " + e);
        }
      }
    }
    freshSignIn("bad tokens");
  }

  /** Signed in, sends chat as fast as TCP takes it: rate-limited, then disconnected (1008). */
  private void flood() {
    try (RawSocket s = RawSocket.connect(server.port())) {
      if (!s.upgrade("/?token=" + TOKEN)) {
        failures.add("flooder refused");
        return;
      }
      s.text("{\"type\":\"username\",\"name\":\"flooder\"}");
      String msg = "{\"type\":\"message\",\"text\":\"" + "spam ".repeat(50) + "\"}";
      int sent = 0;
      try {
        for (; sent < 5000; sent++) {
          s.text(msg);
        }
      } catch (IOException e) {
        // The server closed us mid-flood: expected.
      }
      cases.addAndGet(sent);
      int code = s.awaitClose(20_000);
      if (code != 1008 && code != -1) {
        failures.add("flooder closed with " + code);
      }
    } catch (IOException e) {
      failures.add("flood: " + e);
    }
    freshSignIn("flood");
  }

  /** A complete upgrade request sent a byte every 50 ms (about 12 s): closed at the deadline. */
  private void trickle(int sockets) {
    List<RawSocket> open = new ArrayList<>();
    try {
      byte[] req =
          RawSocket.upgradeRequest("/?token=" + TOKEN).getBytes(StandardCharsets.ISO_8859_1);
      for (int i = 0; i < sockets; i++) {
        open.add(RawSocket.connect(server.port()));
        cases.incrementAndGet();
      }
      long t0 = System.nanoTime();
      List<RawSocket> alive = new ArrayList<>(open);
      for (int i = 0; i < req.length && !alive.isEmpty(); i++) {
        for (var it = alive.iterator(); it.hasNext(); ) {
          RawSocket s = it.next();
          try {
            s.out.write(req[i]);
            s.out.flush();
            if (s.closedByServer(1)) {
              it.remove();
            }
          } catch (IOException e) {
            it.remove();
          }
        }
        Thread.sleep(50);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      if (!alive.isEmpty()) {
        failures.add(alive.size() + " trickling sockets still open after " + ms + " ms");
      } else if (ms > REQUEST_TIMEOUT.toMillis() + 3000) {
        failures.add("trickling sockets lasted " + ms + " ms");
      }
      freshSignIn("trickle");
    } catch (IOException e) {
      failures.add("trickle: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.forEach(RawSocket::close);
    }
  }

  /** Upgrade requests cut off before their blank line. */
  private void unfinished(int sockets) {
    String req = RawSocket.upgradeRequest("/?token=" + TOKEN);
    String cut = req.substring(0, req.length() - 2);
    holdUntilClosed(sockets, cut, "unfinished requests", REQUEST_TIMEOUT.toMillis() + 3000);
  }

  /** Connections that send nothing at all. */
  private void silent(int sockets) {
    holdUntilClosed(sockets, "", "silent sockets", REQUEST_TIMEOUT.toMillis() + 3000);
  }

  private void holdUntilClosed(int sockets, String send, String what, long withinMs) {
    List<RawSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < sockets; i++) {
        RawSocket s = RawSocket.connect(server.port());
        open.add(s);
        cases.incrementAndGet();
        if (!send.isEmpty()) {
          s.write(send);
        }
      }
      long t0 = System.nanoTime();
      freshSignIn(what);
      int stillOpen = 0;
      for (RawSocket s : open) {
        long left = withinMs - (System.nanoTime() - t0) / 1_000_000;
        if (!s.closedByServer((int) Math.max(1, left))) {
          stillOpen++;
        }
      }
      if (stillOpen > 0) {
        failures.add(stillOpen + " " + what + " still open after " + withinMs + " ms");
      }
    } catch (IOException e) {
      failures.add(what + ": " + e);
    } finally {
      open.forEach(RawSocket::close);
    }
  }

  /** More sockets than the server accepts: the rest wait; all are closed; new clients get in. */
  private void exhaustSockets(int sockets) {
    long within = 3 * REQUEST_TIMEOUT.toMillis() + 5000;
    holdUntilClosed(sockets, "", "sockets over the limit", within);
  }

  /** Request heads of 20 KB (over the 8 KiB limit): 431, then closed. */
  private void oversizeHeads() {
    for (int i = 0; i < 20; i++) {
      cases.incrementAndGet();
      try (RawSocket s = RawSocket.connect(server.port())) {
        s.write(RawSocket.upgradeRequest("/?token=" + TOKEN, "X-Pad: " + "p".repeat(20_000)));
        int status = s.readStatus(10_000);
        if (status != 431) {
          failures.add("a 20 KB request head got " + status);
        }
      } catch (IOException e) {
        // Closed before the whole head was written: refused too.
      }
    }
  }

  /** One 1 MB text frame (the limit is 64 KiB): close 1009 or a reset, never delivered. */
  private void oversizeFrames() {
    byte[] big =
        ("{\"type\":\"message\",\"text\":\"" + "x".repeat(1 << 20) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 10; i++) {
      cases.incrementAndGet();
      try (RawSocket s = RawSocket.connect(server.port())) {
        if (!s.upgrade("/?token=" + TOKEN)) {
          failures.add("oversize-frame client refused");
          continue;
        }
        try {
          s.frame(1, true, big);
        } catch (IOException e) {
          // Reset while writing: the server already closed.
        }
        int code = s.awaitClose(10_000);
        if (code != 1009 && code != -1) {
          failures.add("a 1 MB frame closed with " + code);
        }
      } catch (IOException e) {
        failures.add("oversize frame: " + e);
      }
    }
  }

  /** 4 KiB fragments of one text message, without end: closed once it passes 64 KiB. */
  private void fragmentedHugeMessages() {
    byte[] part = "y".repeat(4096).getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 10; i++) {
      cases.incrementAndGet();
      try (RawSocket s = RawSocket.connect(server.port())) {
        if (!s.upgrade("/?token=" + TOKEN)) {
          failures.add("fragmenting client refused");
          continue;
        }
        int fragments = 0;
        try {
          s.frame(
              1, false, "{\"type\":\"message\",\"text\":\"".getBytes(StandardCharsets.US_ASCII));
          for (; fragments < 1000; fragments++) {
            s.frame(0, false, part);
          }
        } catch (IOException e) {
          // Closed mid-message: expected.
        }
        int code = s.awaitClose(10_000);
        if (code != 1009 && code != -1) {
          failures.add("an endless fragmented message closed with " + code);
        }
      } catch (IOException e) {
        failures.add("fragmented message: " + e);
      }
    }
  }

  /** Upgraded and signed in, then never read or write again: gone after the idle timeout. */
  private void neverReading(int sockets) {
    List<RawSocket> open = new ArrayList<>();
    try {
      for (int i = 0; i < sockets; i++) {
        RawSocket s = RawSocket.connect(server.port());
        open.add(s);
        cases.incrementAndGet();
        if (!s.upgrade("/?token=" + TOKEN)) {
          failures.add("half-open client refused");
        }
        s.text("{\"type\":\"username\",\"name\":\"mute\"}");
      }
      long deadline =
          System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_TIMEOUT.toMillis() * 2 + 5000);
      while (server.users().stream().anyMatch(u -> u.startsWith("mute"))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      long left = server.users().stream().filter(u -> u.startsWith("mute")).count();
      if (left > 0) {
        failures.add(left + " half-open WebSockets still signed in after the idle timeout");
      }
    } catch (IOException e) {
      failures.add("half-open: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.forEach(RawSocket::close);
    }
  }

  // ---- measurement ----

  private URI authorized() {
    return URI.create(server.webSocketUri() + "?token=" + TOKEN);
  }

  private static void settle() throws InterruptedException {
    Thread.sleep(500);
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static int count(String dir) {
    try (Stream<Path> s = Files.list(Path.of(dir))) {
      return (int) s.count();
    } catch (IOException e) {
      return -1;
    }
  }

  private void awaitUntil(java.util.function.BooleanSupplier ok, long ms, String what)
      throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (!ok.getAsBoolean()) {
      if (System.nanoTime() > end) {
        failures.add("not reached within " + ms + " ms: " + what);
        return;
      }
      Thread.sleep(100);
    }
  }
}

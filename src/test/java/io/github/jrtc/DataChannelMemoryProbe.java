package io.github.jrtc;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;
import org.awaitility.Awaitility;

/**
 * Child JVM of {@link DataChannelMemoryIT}: one pair exchanges messages after a warm-up, in two
 * equal windows; prints {@code RESULT <rss kB before> <rss kB after window 1> <rss kB after window
 * 2> <heap kB kept, window 1> <heap kB kept, window 2> <messages received per window> <live
 * webrtc-java RTCDataChannelBuffer objects>}. Run with a fixed, pre-touched heap so that RSS growth
 * is native memory (and JVM metadata) only.
 */
public final class DataChannelMemoryProbe {
  private DataChannelMemoryProbe() {}

  public static void main(String[] args) {
    int messages = Integer.parseInt(args[0]);
    ChildJvm.runThenHalt(() -> run(messages));
  }

  private static void run(int messages) throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    Peers.trickle(a, b);
    RTCDataChannel local = a.createDataChannel("memory");
    CompletableFuture<RTCDataChannel> remoteChannel = new CompletableFuture<>();
    b.ondatachannel(e -> remoteChannel.complete(e.channel()));
    Peers.negotiate(a, b).get(10, TimeUnit.SECONDS);
    RTCDataChannel remote = remoteChannel.get(10, TimeUnit.SECONDS);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                local.readyState() == RTCDataChannelState.OPEN
                    && remote.readyState() == RTCDataChannelState.OPEN);
    AtomicLong atB = new AtomicLong();
    AtomicLong atA = new AtomicLong();
    // Keep nothing: each message is looked at and dropped, as a typical handler does.
    remote.onmessage(e -> atB.addAndGet(((ByteBuffer) e.data()).remaining()));
    local.onmessage(e -> atA.addAndGet(((String) e.data()).length()));

    exchange(local, remote, 20_000, atA, atB);
    // Two equal windows: a leak grows RSS in both alike, while one-time costs (JIT code,
    // allocator arenas reaching their working size) land in the first.
    long rss0 = settledRss();
    long heap0 = heapUsedKb();
    exchange(local, remote, messages, atA, atB);
    long rss1 = settledRss();
    long heap1 = heapUsedKb();
    exchange(local, remote, messages, atA, atB);
    long rss2 = settledRss();
    long heap2 = heapUsedKb();
    System.out.printf(
        "RESULT %d %d %d %d %d %d %d%n",
        rss0,
        rss1,
        rss2,
        heap1 - heap0,
        heap2 - heap1,
        2L * messages,
        liveInstances("dev.onvoid.webrtc.RTCDataChannelBuffer"));
    a.close();
    b.close();
  }

  /** n messages each way: 100-byte binary a→b and 5-character text b→a, with flow control. */
  private static void exchange(
      RTCDataChannel local, RTCDataChannel remote, int n, AtomicLong atA, AtomicLong atB)
      throws InterruptedException {
    long targetB = atB.get() + 100L * n;
    long targetA = atA.get() + 5L * n;
    byte[] payload = new byte[100];
    for (int i = 0; i < n; i++) {
      while (local.bufferedAmount() > 1024 * 1024 || remote.bufferedAmount() > 1024 * 1024) {
        Thread.sleep(1);
      }
      local.send(payload);
      remote.send("hello");
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(120))
        .until(() -> atB.get() >= targetB && atA.get() >= targetA);
  }

  private static long settledRss() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IOException("no VmRSS in /proc/self/status");
  }

  /**
   * Live instances of a class after a full GC, from the JVM's class histogram: webrtc-java's
   * per-message buffer objects stay reachable only through leaked JNI local references.
   */
  static long liveInstances(String className) throws Exception {
    String histogram =
        (String)
            ManagementFactory.getPlatformMBeanServer()
                .invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "gcClassHistogram",
                    new Object[] {new String[0]},
                    new String[] {String[].class.getName()});
    for (String line : histogram.split("\\R")) {
      String[] cols = line.trim().split("\\s+");
      if (cols.length >= 4 && cols[3].equals(className)) {
        return Long.parseLong(cols[1]);
      }
    }
    return 0;
  }

  private static long heapUsedKb() {
    Runtime rt = Runtime.getRuntime();
    return (rt.totalMemory() - rt.freeMemory()) / 1024;
  }
}

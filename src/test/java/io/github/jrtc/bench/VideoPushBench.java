package io.github.jrtc.bench;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import io.github.jrtc.CandidateForwarding;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.internal.bridge.TrackAccess;
import io.github.jrtc.internal.webrtcjava.NativeMedia;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.media.VideoFrameSource;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * 1280x720 I420 frames pushed as fast as the caller can, through jrtc's paced VideoFrameSource and
 * through raw webrtc-java CustomVideoSource.pushFrame, into a real call between two peers; prints a
 * Markdown table of what the receiving peer decodes per second and the process CPU. Run inside the
 * test network namespace (libwebrtc ignores loopback):
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * JRTC_NETNS=jrtc-test scripts/netns-jdk/bin/java \
 *   -cp target/test-classes:target/classes:$(cat target/cp.txt) io.github.jrtc.bench.VideoPushBench
 * </pre>
 */
public final class VideoPushBench {
  private static final int W = 1280;
  private static final int H = 720;
  private static final long WARMUP_MS = 4000;
  private static final long MEASURE_MS = 10000;

  private VideoPushBench() {}

  /** What one run measured. */
  record Result(String source, double pushedPerS, double receivedFps, String size, double cpu) {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      results.add(runJrtc(WARMUP_MS, MEASURE_MS));
      results.add(runRaw(WARMUP_MS, MEASURE_MS));
    }
    System.out.println();
    System.out.println(
        "| source (1280x720 I420, pushed unpaced) | frames pushed/s | frames received/s"
            + " | received size | process CPU (cores of "
            + Runtime.getRuntime().availableProcessors()
            + ") |");
    System.out.println("|---|---:|---:|---|---:|");
    for (Result r : results) {
      System.out.printf(
          "| %s | %.0f | %.1f | %s | %.2f |%n",
          r.source, r.pushedPerS, r.receivedFps, r.size, r.cpu);
    }
    io.github.jrtc.internal.webrtcjava.NativeEngine.shutdownShared();
    System.exit(0);
  }

  static Result runJrtc(long warmMs, long measureMs) throws Exception {
    try (VideoFrameSource source = new VideoFrameSource(30)) {
      ByteBuffer[] planes = planes();
      return run(
          "jrtc VideoFrameSource(30 fps)",
          warmMs,
          measureMs,
          source.track(),
          n -> {
            ByteBuffer y = planes[n % 2];
            source.pushI420(W, H, y, W, planes[2], W / 2, planes[3], W / 2);
          });
    }
  }

  static Result runRaw(long warmMs, long measureMs) throws Exception {
    CustomVideoSource raw = new CustomVideoSource();
    MediaStreamTrack track =
        TrackAccess.create(MediaStreamTrack.class, NativeMedia.videoTrack(raw, "raw"));
    ByteBuffer[] planes = planes();
    return run(
        "raw webrtc-java CustomVideoSource.pushFrame",
        warmMs,
        measureMs,
        track,
        n -> {
          NativeI420Buffer b = NativeI420Buffer.allocate(W, H);
          b.getDataY().put(planes[n % 2].duplicate());
          b.getDataU().put(planes[2].duplicate());
          b.getDataV().put(planes[3].duplicate());
          raw.pushFrame(new dev.onvoid.webrtc.media.video.VideoFrame(b, System.nanoTime()));
          b.release();
        });
  }

  /** Two alternating luma planes (so every frame differs) and flat chroma. */
  private static ByteBuffer[] planes() {
    ByteBuffer y0 = ByteBuffer.allocateDirect(W * H);
    ByteBuffer y1 = ByteBuffer.allocateDirect(W * H);
    for (int i = 0; i < W * H; i++) {
      y0.put((byte) ((i % W) / 5));
      y1.put((byte) (255 - (i % W) / 5));
    }
    ByteBuffer u = ByteBuffer.allocateDirect(W * H / 4);
    ByteBuffer v = ByteBuffer.allocateDirect(W * H / 4);
    for (int i = 0; i < W * H / 4; i++) {
      u.put((byte) 128);
      v.put((byte) 128);
    }
    return new ByteBuffer[] {y0.flip(), y1.flip(), u.flip(), v.flip()};
  }

  private static Result run(
      String name, long warmMs, long measureMs, MediaStreamTrack track, Consumer<Integer> push)
      throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    try {
      var unusedForwarding = CandidateForwarding.between(a, b);
      AtomicInteger received = new AtomicInteger();
      String[] size = {"-"};
      b.ontrack(
          e -> {
            var unused =
                TrackSinks.addVideoSink(
                    e.track(),
                    f -> {
                      received.incrementAndGet();
                      size[0] = f.width() + "x" + f.height();
                    });
          });
      a.addTrack(track);
      a.createOffer()
          .thenCompose(a::setLocalDescription)
          .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
          .thenCompose(v -> b.createAnswer())
          .thenCompose(b::setLocalDescription)
          .thenCompose(v -> a.setRemoteDescription(b.localDescription()))
          .get(10, TimeUnit.SECONDS);
      long deadline = System.currentTimeMillis() + 10000;
      while (b.connectionState() != RTCPeerConnectionState.CONNECTED
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      var os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long start = System.currentTimeMillis();
      long measureStart = start + warmMs;
      long end = measureStart + measureMs;
      int n = 0;
      int pushedAtStart = 0;
      int receivedAtStart = 0;
      long cpuAtStart = 0;
      boolean measuring = false;
      while (System.currentTimeMillis() < end) {
        push.accept(n++);
        if (!measuring && System.currentTimeMillis() >= measureStart) {
          measuring = true;
          pushedAtStart = n;
          receivedAtStart = received.get();
          cpuAtStart = os.getProcessCpuTime();
        }
      }
      double seconds = (System.currentTimeMillis() - measureStart) / 1000.0;
      double cpu = (os.getProcessCpuTime() - cpuAtStart) / 1e9 / seconds;
      return new Result(
          name,
          (n - pushedAtStart) / seconds,
          (received.get() - receivedAtStart) / seconds,
          size[0],
          cpu);
    } finally {
      a.close();
      b.close();
      track.stop();
    }
  }
}

package io.github.jrtc.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.Ffprobe;
import io.github.jrtc.ProcessOutput;
import io.github.jrtc.TestClassPath;
import io.github.jrtc.media.StreamRecorder;
import io.github.jrtc.whip.server.SessionInfo;
import io.github.jrtc.whip.server.WhipServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stopping a WHIP server while a publisher is live: {@link WhipServer#close()} and {@code jrtc
 * whip-server}'s SIGTERM return only once the live session's recording is finished, so the file is
 * complete and probes at once, with nothing written after; WebM in-process, MP4 (H.264 + AAC)
 * through the command line. Without FFmpeg the command refuses to start instead of running a
 * recording service that writes nothing.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WhipServerShutdownIT {
  private static final Logger LOG = LoggerFactory.getLogger(WhipServerShutdownIT.class);
  private static final String END = ProcessOutput.END;
  private static final Pattern ENDPOINT = Pattern.compile("WHIP endpoint: (http://\\S+/whip)");

  @TempDir Path dir;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private Process cli;

  @AfterEach
  void tearDown() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    if (cli != null && cli.isAlive()) {
      cli.destroyForcibly();
      cli.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void closeReturnsOnceTheLiveSessionsFileIsComplete() throws Exception {
    // The real recorder, with the time its finish completed noted: close() must not return first.
    AtomicLong finishedAt = new AtomicLong();
    StreamRecorder real = StreamRecorder.mediaRecorder();
    StreamRecorder noting =
        (stream, file) -> {
          StreamRecorder.Recording r = real.start(stream, file);
          return () -> r.finish().whenComplete((x, e) -> finishedAt.set(System.nanoTime()));
        };
    WhipServer server =
        WhipServer.builder().host("127.0.0.1").port(0).record(dir, "webm", noting).build();
    toClose.add(server);
    server.start();
    TestMedia media = new TestMedia();
    toClose.add(media);
    WhipSession session =
        WhipClient.builder()
            .build()
            .publish(server.whipUri(), media.stream())
            .get(60, TimeUnit.SECONDS);
    toClose.add(session);
    long start = System.nanoTime();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                server.sessions().size() == 1
                    && server.sessions().get(0).videoFrames() > 60
                    && server.sessions().get(0).audibleChunks() > 100);
    Thread.sleep(4000);
    SessionInfo last = server.sessions().get(0);

    server.close(); // the publisher is still sending
    long closedAt = System.nanoTime();
    double published = (closedAt - start) / 1e9;

    assertThat(finishedAt.get()).as("the recording finished before close() returned").isNotZero();
    assertThat(finishedAt.get()).isLessThanOrEqualTo(closedAt);
    Path file = onlyFile(".webm");
    long size = Files.size(file);
    // No await: the file is complete now.
    Ffprobe.Result probe = Ffprobe.probe(file);
    LOG.info("closed with the publisher live after {} s: {}", published, probe.raw());
    assertThat(probe.video().codec()).isEqualTo("vp8");
    assertThat(probe.audio().codec()).isEqualTo("opus");
    assertThat(probe.duration()).isBetween(published * 0.6, published + 1.0);
    assertThat(probe.video().frames()).isGreaterThanOrEqualTo(last.videoFrames() * 9 / 10);
    Thread.sleep(1000);
    assertThat(Files.size(file)).as("nothing written after close()").isEqualTo(size);
  }

  @Test
  void sigtermToTheCommandFinishesTheLiveMp4Recording() throws Exception {
    Path rec = dir.resolve("rec");
    List<String> lines = new CopyOnWriteArrayList<>();
    cli =
        startCli(
            lines, "whip-server", "--port", "0", "--record", rec.toString(), "--format", "mp4");
    URI whip = URI.create(awaitLine(lines, ENDPOINT));
    TestMedia media = new TestMedia();
    toClose.add(media);
    WhipSession session =
        WhipClient.builder().build().publish(whip, media.stream()).get(60, TimeUnit.SECONDS);
    toClose.add(session);
    long start = System.nanoTime();
    awaitLine(lines, Pattern.compile("connected in \\d+ ms.*; recording"));
    Thread.sleep(6000);

    // SIGTERM (what systemd and docker stop send) while the publisher is live.
    assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(cli.pid())).start().waitFor())
        .isZero();
    assertThat(cli.waitFor(90, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
    double published = (System.nanoTime() - start) / 1e9;
    LOG.info("whip-server output:\n{}", String.join("\n", lines));

    Path file = Path.of(awaitLine(lines, Pattern.compile("recording finished: (\\S+\\.mp4)")));
    assertThat(file.getParent()).isEqualTo(rec);
    // The file was announced finished before the process said it stopped, and it exited after.
    int finishedLine = indexOf(lines, "recording finished: ");
    int stoppedLine = indexOf(lines, "  stopped");
    assertThat(finishedLine).isNotNegative().isLessThan(stoppedLine);
    Ffprobe.Result probe = Ffprobe.probe(file);
    LOG.info("recorded by whip-server --format mp4, stopped by SIGTERM: {}", probe.raw());
    assertThat(probe.video().codec()).isEqualTo("h264");
    assertThat(probe.audio().codec()).isEqualTo("aac");
    assertThat(probe.duration()).isBetween(6 * 0.8, published + 1.0);
    assertThat(probe.video().frames()).isGreaterThan((long) (6 * 0.8 * 20));
  }

  @Test
  void withoutFfmpegTheCommandRefusesToStartRatherThanRecordNothing() throws Exception {
    String withoutFfmpeg = TestClassPath.without("bytedeco");
    assertThat(withoutFfmpeg).isNotEqualTo(System.getProperty("java.class.path"));
    Path rec = dir.resolve("rec");
    for (String format : List.of("webm", "mp4")) {
      List<String> lines = new CopyOnWriteArrayList<>();
      cli =
          startCli(
              withoutFfmpeg,
              lines,
              "whip-server",
              "--port",
              "0",
              "--record",
              rec.toString(),
              "--format",
              format);
      assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String out = String.join("\n", awaitOutputEnd(lines));
      assertThat(cli.exitValue()).as(out).isEqualTo(2);
      assertThat(out)
          .contains("cannot record --format " + format + " (--record)")
          .contains("NotSupportedError")
          .contains("org.bytedeco:ffmpeg:8.1.2-1.5.14")
          .doesNotContain("WHIP endpoint")
          .doesNotContain("Exception in thread");
      assertThat(rec).doesNotExist();
    }
  }

  /** The lines once the reader has seen the end of the output (the process has exited). */
  private static List<String> awaitOutputEnd(List<String> lines) {
    await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains(END));
    return lines.subList(0, lines.indexOf(END));
  }

  private Path onlyFile(String extension) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all = files.filter(f -> f.toString().endsWith(extension)).toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(part)) {
        return i;
      }
    }
    return -1;
  }

  private static String awaitLine(List<String> lines, Pattern p) {
    return ProcessOutput.awaitLine(lines, p, Duration.ofSeconds(60));
  }

  /** The jrtc command in a child JVM with this test's class path (and so in its namespace). */
  private static Process startCli(List<String> lines, String... args) throws Exception {
    return startCli(System.getProperty("java.class.path"), lines, args);
  }

  private static Process startCli(String classPath, List<String> lines, String... args)
      throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add("io.github.jrtc.cli.Main");
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    ProcessOutput.collect(p, lines, "whip-server-output");
    return p;
  }
}

package io.github.jrtc.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.Ffprobe;
import io.github.jrtc.media.StreamRecorder;
import io.github.jrtc.whip.server.SessionInfo;
import io.github.jrtc.whip.server.WhipServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real WHIP publishers into jrtc's WhipServer, inside the test network namespace: FFmpeg 8.1's whip
 * muxer (H.264 + Opus, no trickle, DELETE on exit) and GStreamer's simple-whip-client (VP8 + Opus,
 * trickle by PATCH, DELETE on SIGINT). Each must connect, deliver decodable video and audible
 * audio, and end its session with its DELETE.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class WhipPublishersIT {
  private static final Logger LOG = LoggerFactory.getLogger(WhipPublishersIT.class);
  private static final Path LOGS = Path.of("target/whip-logs");
  private static final String TOKEN = "publisher-token";

  private WhipServer server;
  private Process process;

  private Path recordings;

  @BeforeEach
  void start() throws Exception {
    recordings = Files.createTempDirectory("whip-recordings");
    // What `jrtc whip-server --record DIR` does: each session into DIR/<session id>.webm.
    server = recordingServer("webm");
  }

  private WhipServer recordingServer(String format) throws Exception {
    return WhipServer.builder()
        .host("127.0.0.1")
        .port(0)
        .token(TOKEN)
        .record(recordings, format, StreamRecorder.mediaRecorder())
        .build()
        .start();
  }

  /**
   * The one recording the session left once it ended: VP8 video and Opus audio for about as long as
   * the publisher sent (its set-up and the recorder's start take the first fraction).
   */
  private void assertRecorded(double publishedSeconds) throws Exception {
    assertRecorded(publishedSeconds, ".webm", "vp8", "opus");
  }

  private void assertRecorded(
      double publishedSeconds, String extension, String videoCodec, String audioCodec)
      throws Exception {
    AtomicReference<Path> file = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              try (var files = Files.list(recordings)) {
                List<Path> all = files.filter(f -> f.toString().endsWith(extension)).toList();
                if (all.size() == 1 && Files.size(all.get(0)) > 0) {
                  file.set(all.get(0));
                  return true;
                }
                return false;
              }
            });
    Ffprobe.Result probe =
        await()
            .atMost(Duration.ofSeconds(20))
            .ignoreExceptions()
            .until(() -> Ffprobe.probe(file.get()), r -> r.audio() != null && r.video() != null);
    LOG.info("recorded {}: {}", file.get(), probe.raw());
    assertThat(probe.video().codec()).isEqualTo(videoCodec);
    assertThat(probe.audio().codec()).isEqualTo(audioCodec);
    assertThat(probe.duration()).isBetween(publishedSeconds * 0.6, publishedSeconds + 1.0);
    assertThat(probe.video().frames()).isGreaterThan((long) (publishedSeconds * 0.6 * 20));
  }

  @AfterEach
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
    server.close();
  }

  /** Waits for the one session to connect and receive media; returns its latest info. */
  private SessionInfo awaitMedia(Path log) {
    AtomicReference<SessionInfo> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofSeconds(40))
        .alias("media from the publisher (log " + log + ")")
        .until(
            () -> {
              List<SessionInfo> s = server.sessions();
              if (s.size() == 1) {
                last.set(s.get(0));
              }
              SessionInfo i = last.get();
              return i != null && i.connected() && i.videoFrames() > 60 && i.audibleChunks() > 100;
            });
    return last.get();
  }

  @Test
  void ffmpegWhipMuxerPublishesH264AndOpus() throws Exception {
    Path log = LOGS.resolve("ffmpeg-whip.log");
    long t0 = System.nanoTime();
    process = Publishers.ffmpegPublish(server.whipUri().toString(), TOKEN, 8, log);
    SessionInfo info = awaitMedia(log);
    LOG.info(
        "FFmpeg -> WhipServer: POST to connected {} ms; {} frames {}x{}",
        info.setupMillis(),
        info.videoFrames(),
        info.width(),
        info.height());
    assertThat(info.width()).isEqualTo(320);
    assertThat(info.height()).isEqualTo(240);
    assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("ffmpeg exits after -t 8").isTrue();
    String out = Files.readString(log);
    assertThat(process.exitValue()).as(out).isZero();
    // Its DELETE on exit ended the session.
    await().atMost(Duration.ofSeconds(10)).until(() -> server.sessions().isEmpty());
    LOG.info("ffmpeg ran {} ms in all", (System.nanoTime() - t0) / 1_000_000);
    assertRecorded(8);
  }

  /**
   * What {@code jrtc whip-server --format mp4} does: the same FFmpeg publish recorded as MP4, H.264
   * (OpenH264) and AAC, which the recorder encodes from the decoded frames and samples whatever the
   * publisher's codecs.
   */
  @Test
  void ffmpegWhipMuxerRecordedAsMp4() throws Exception {
    server.close();
    server = recordingServer("mp4");
    Path log = LOGS.resolve("ffmpeg-whip-mp4.log");
    process = Publishers.ffmpegPublish(server.whipUri().toString(), TOKEN, 8, log);
    SessionInfo info = awaitMedia(log);
    LOG.info("FFmpeg -> WhipServer (mp4): POST to connected {} ms", info.setupMillis());
    assertThat(process.waitFor(40, TimeUnit.SECONDS)).as("ffmpeg exits after -t 8").isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.sessions().isEmpty());
    assertRecorded(8, ".mp4", "h264", "aac");
  }

  @Test
  void simpleWhipClientPublishesVp8AndOpusWithTrickle() throws Exception {
    Path log = LOGS.resolve("simple-whip-client.log");
    long t0 = System.nanoTime();
    process = Publishers.whipClientPublish(server.whipUri().toString(), TOKEN, log);
    SessionInfo info = awaitMedia(log);
    LOG.info(
        "simple-whip-client -> WhipServer: POST to connected {} ms; {} frames {}x{}",
        info.setupMillis(),
        info.videoFrames(),
        info.width(),
        info.height());
    assertThat(info.width()).isEqualTo(320);
    // SIGINT: the client sends its DELETE, then exits.
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> server.sessions().isEmpty());
    double published = (System.nanoTime() - t0) / 1e9 - info.setupMillis() / 1000.0;
    String out = Files.readString(log);
    assertThat(out).containsIgnoringCase("PATCH");
    assertRecorded(published);
  }
}

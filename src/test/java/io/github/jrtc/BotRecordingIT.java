package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.media.AudioLevels;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.StreamRecorder;
import io.github.jrtc.media.VideoFrameSource;
import io.github.jrtc.signaling.BotEvent;
import io.github.jrtc.signaling.CallBot;
import io.github.jrtc.signaling.SignalingServer;
import io.github.jrtc.signaling.TestPatternMedia;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jrtc serve --record DIR} (the CLI in a child JVM) records each call into the bot from Java
 * callers sending the test pattern and tone: one file per call, finished on hang-up, on the caller
 * vanishing (its process killed) and on Ctrl-C (SIGINT to the server); each probes with VP8 and
 * Opus, as long as the call, with at least 90 % of the frames the bot received and audible audio.
 * Without FFmpeg on the class path, {@code --record} is refused with the spec's NotSupportedError
 * naming the jars.
 */
class BotRecordingIT {
  private static final Logger LOG = LoggerFactory.getLogger(BotRecordingIT.class);
  private static final Duration LONG = Duration.ofSeconds(60);
  private static final Pattern SIGNALING = Pattern.compile("signaling server on (ws://\\S+)");
  private static final String MAIN = "io.github.jrtc.cli.Main";

  @TempDir Path dir;
  private final List<Cli> children = new ArrayList<>();
  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    for (Cli c : children) {
      c.process.destroyForcibly();
      c.process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The jrtc command in a child JVM (this test's class path and namespace), its output lines. */
  private final class Cli {
    final Process process;
    final List<String> lines = new CopyOnWriteArrayList<>();

    Cli(String classPath, String... args) throws Exception {
      List<String> cmd = new ArrayList<>();
      cmd.add(ProcessHandle.current().info().command().orElse("java"));
      cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
      cmd.add("-cp");
      cmd.add(classPath);
      cmd.add(MAIN);
      cmd.addAll(List.of(args));
      process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      children.add(this);
      ProcessOutput.collect(
          process, lines, "cli-output", line -> LOG.info("[{}] {}", args[0], line));
    }

    /** The first group of the first line {@code p} finds, waiting for it. */
    String awaitLine(Pattern p) {
      return ProcessOutput.awaitLine(lines, p, LONG);
    }
  }

  /** A Java caller (the bot in the calling role) sending the 640x480 test pattern and a tone. */
  private CallBot caller(URI signaling, String name) throws Exception {
    TestPatternMedia media = new TestPatternMedia();
    CallBot bot = CallBot.builder(signaling).name(name).media(media).build();
    cleanup.add(media);
    cleanup.add(bot);
    bot.start().get(60, TimeUnit.SECONDS);
    await().atMost(LONG).until(() -> bot.users().contains("jrtc-bot"));
    return bot;
  }

  /**
   * The video frames the bot's sink got from {@code peer}, from its last once-a-second stats line
   * (so up to a second's frames fewer than the file may hold).
   */
  private static long delivered(Cli serve, String peer) {
    Pattern p = Pattern.compile("call " + peer + ": .*received (\\d+) video frames");
    long n = -1;
    for (String l : serve.lines) {
      Matcher m = p.matcher(l);
      if (m.find()) {
        n = Long.parseLong(m.group(1));
      }
    }
    assertThat(n).as("a stats line for %s", peer).isPositive();
    return n;
  }

  private static Pattern finished(String peer) {
    return Pattern.compile("call " + peer + ": finished (\\S+\\.webm)");
  }

  /**
   * The file has both streams, is as long as the call (it starts with the first frame, which comes
   * after "connected", so up to 10 % shorter; never longer than the call but for 0.5 s of
   * measurement slack), and has audible audio.
   */
  private static Ffprobe.Result checkFile(Path file, double callSeconds) throws Exception {
    Ffprobe.Result r = Ffprobe.probe(file);
    LOG.info("{}: {} s for a call of {} s: {}", file, r.duration(), callSeconds, r.streams());
    assertThat(r.video()).as("video in %s", file).isNotNull();
    assertThat(r.audio()).as("audio in %s", file).isNotNull();
    assertThat(r.video().codec()).isEqualTo("vp8");
    assertThat(r.audio().codec()).isEqualTo("opus");
    assertThat(r.duration())
        .as("duration of %s for a call of %.2f s", file, callSeconds)
        .isBetween(0.9 * callSeconds, callSeconds + 0.5);
    assertThat(AudioLevels.rms(Ffprobe.decodeAudio(file))).as("tone level").isGreaterThan(0.1);
    return r;
  }

  @Test
  void serveRecordsEachCallUntilHangUpTheCallerVanishingAndCtrlC() throws Exception {
    Path calls = dir.resolve("calls");
    Cli serve =
        new Cli(
            System.getProperty("java.class.path"),
            "serve",
            "--port",
            "0",
            // Each call's frames delivered to the bot's own sink, every second: what the recorder
            // could get.
            "--stats",
            "1",
            "--send",
            "none",
            "--record",
            calls.toString());
    URI signaling = URI.create(serve.awaitLine(SIGNALING));
    serve.awaitLine(Pattern.compile("signed in as jrtc-bot"));

    // 1. Hang-up.
    CallBot alice = caller(signaling, "alice");
    alice.call("jrtc-bot").get(60, TimeUnit.SECONDS);
    long start = System.nanoTime();
    assertThat(serve.awaitLine(Pattern.compile("call alice: recording to (\\S+)")))
        .matches(".*/calls/\\d{8}T\\d{6}Z-alice\\.webm");
    Thread.sleep(8000);
    alice.hangUp("jrtc-bot");
    double aliceSeconds = (System.nanoTime() - start) / 1e9;
    Ffprobe.Result a = checkFile(Path.of(serve.awaitLine(finished("alice"))), aliceSeconds);
    long aliceDelivered = delivered(serve, "alice");
    assertThat(a.video().frames())
        .as("frames recorded of %d delivered", aliceDelivered)
        .isGreaterThanOrEqualTo(aliceDelivered * 9 / 10);

    // 2. The caller vanishes: its process is killed, it never hangs up.
    Cli bob =
        new Cli(
            System.getProperty("java.class.path"),
            "bot",
            "--signaling",
            signaling.toString(),
            "--name",
            "bob",
            "--call",
            "jrtc-bot",
            "--stats",
            "0");
    serve.awaitLine(Pattern.compile("call bob: connectionState connected"));
    long bobStart = System.nanoTime();
    Thread.sleep(6000);
    bob.process.destroyForcibly();
    double bobSeconds = (System.nanoTime() - bobStart) / 1e9;
    serve.awaitLine(Pattern.compile("call bob ended: bob left"));
    checkFile(Path.of(serve.awaitLine(finished("bob"))), bobSeconds);

    // 3. Ctrl-C: the server's shutdown hook finishes the file of the call in progress.
    CallBot carol = caller(signaling, "carol");
    carol.call("jrtc-bot").get(60, TimeUnit.SECONDS);
    long carolStart = System.nanoTime();
    serve.awaitLine(Pattern.compile("call carol: recording to"));
    Thread.sleep(6000);
    // Ctrl-C is SIGINT to the process. (Not Process.destroy(): it also closes our end of the
    // child's output, which would lose the lines this test waits for.)
    assertThat(
            new ProcessBuilder("kill", "-INT", Long.toString(serve.process.pid()))
                .start()
                .waitFor())
        .isZero();
    double carolSeconds = (System.nanoTime() - carolStart) / 1e9;
    assertThat(serve.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Ffprobe.Result c = checkFile(Path.of(serve.awaitLine(finished("carol"))), carolSeconds);
    long carolDelivered = delivered(serve, "carol");
    assertThat(c.video().frames())
        .as("frames recorded of %d delivered", carolDelivered)
        .isGreaterThanOrEqualTo(carolDelivered * 9 / 10);

    // One file per call, named <UTC start>-<peer>.webm, nothing else.
    try (Stream<Path> files = Files.list(calls)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .hasSize(3)
          .allMatch(n -> n.matches("\\d{8}T\\d{6}Z-(alice|bob|carol)\\.webm"));
    }
  }

  @Test
  void withoutFfmpegRecordIsRefusedNamingTheMissingArtifacts() throws Exception {
    String withoutFfmpeg = TestClassPath.without("bytedeco");
    assertThat(withoutFfmpeg).isNotEqualTo(System.getProperty("java.class.path"));
    Path calls = dir.resolve("calls");
    for (String[] args :
        List.of(
            new String[] {"serve", "--port", "0", "--record", calls.toString()},
            new String[] {
              "bot", "--signaling", "ws://127.0.0.1:9/", "--record", calls.toString()
            })) {
      ChildJvm.Result r = ChildJvm.runWithClassPath(withoutFfmpeg, 60, List.of(), MAIN, args);
      assertThat(r.timedOut()).as(r.output()).isFalse();
      assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
      assertThat(r.output())
          .contains("--record")
          .contains("NotSupportedError")
          .contains("org.bytedeco:ffmpeg:8.1.2-1.5.14")
          .contains("org.bytedeco:javacpp:1.5.14")
          .doesNotContain("Exception in thread");
      assertThat(calls).doesNotExist();
    }
  }

  /**
   * The bot records a stream it builds once a negotiation is done; a renegotiation that changes
   * what the call receives (the caller adds video to an audio-only call) finishes the file and
   * starts the next one, {@code -2}, rather than failing.
   */
  @Test
  void aRenegotiationThatChangesTheTracksStartsTheNextFile() throws Exception {
    Path calls = dir.resolve("calls");
    SignalingServer server = SignalingServer.builder().port(0).build().start();
    cleanup.add(server);
    CallBot bot =
        CallBot.builder(server.webSocketUri())
            .name("jrtc-bot")
            .record(calls, StreamRecorder.mediaRecorder())
            .build();
    List<BotEvent> events = new CopyOnWriteArrayList<>();
    bot.onevent(events::add);
    cleanup.add(0, bot); // closed before the server
    bot.start().get(60, TimeUnit.SECONDS);

    AudioSampleSource audio = new AudioSampleSource(48000, 1);
    VideoFrameSource video = new VideoFrameSource(30);
    cleanup.add(ToneFeeder.start(audio, 440));
    cleanup.add(FramePump.movingBar(video, 640, 480, 30));
    cleanup.add(audio);
    cleanup.add(video);
    MediaStream stream = new MediaStream();
    CallBot.Media audioOnly =
        new CallBot.Media() {
          @Override
          public CompletableFuture<Void> attach(RTCPeerConnection pc, String peer) {
            pc.addTrack(audio.track(), stream);
            return CompletableFuture.completedFuture(null);
          }

          @Override
          public void detach(RTCPeerConnection pc, String peer) {}
        };
    CallBot dave = CallBot.builder(server.webSocketUri()).name("dave").media(audioOnly).build();
    cleanup.add(0, dave);
    dave.start().get(60, TimeUnit.SECONDS);
    await().atMost(LONG).until(() -> dave.users().contains("jrtc-bot"));
    dave.call("jrtc-bot").get(60, TimeUnit.SECONDS);
    await().atMost(LONG).until(() -> recordingEvents(events, "recording to").size() == 1);
    Thread.sleep(4000);

    dave.connection("jrtc-bot").addTrack(video.track(), stream);
    await().atMost(LONG).until(() -> recordingEvents(events, "recording to").size() == 2);
    Thread.sleep(4000);
    dave.hangUp("jrtc-bot");
    await().atMost(LONG).until(() -> recordingEvents(events, "finished").size() == 2);

    List<String> started = recordingEvents(events, "recording to");
    assertThat(started.get(0)).matches(".*/calls/\\d{8}T\\d{6}Z-dave\\.webm");
    assertThat(started.get(1)).isEqualTo(started.get(0).replace(".webm", "-2.webm"));
    assertThat(events).noneMatch(e -> e.kind() == BotEvent.Kind.ERROR);
    Path first = Path.of(started.get(0).substring("recording to ".length()));
    Path second = Path.of(started.get(1).substring("recording to ".length()));
    Ffprobe.Result one = Ffprobe.probe(first);
    Ffprobe.Result two = Ffprobe.probe(second);
    LOG.info("{}: {}; {}: {}", first, one.streams(), second, two.streams());
    assertThat(one.video()).as("the audio-only part").isNull();
    assertThat(one.audio().codec()).isEqualTo("opus");
    assertThat(one.duration()).isGreaterThan(3.0);
    assertThat(two.video().codec()).isEqualTo("vp8");
    assertThat(two.audio().codec()).isEqualTo("opus");
    assertThat(two.duration()).isGreaterThan(3.0);
    assertThat(AudioLevels.rms(Ffprobe.decodeAudio(second))).isGreaterThan(0.1);
  }

  private static List<String> recordingEvents(List<BotEvent> events, String prefix) {
    return events.stream()
        .filter(e -> e.kind() == BotEvent.Kind.RECORDING && e.text().startsWith(prefix))
        .map(BotEvent::text)
        .toList();
  }
}

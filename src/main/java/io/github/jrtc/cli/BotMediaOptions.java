package io.github.jrtc.cli;

import io.github.jrtc.media.StreamRecorder;
import io.github.jrtc.signaling.CallBot;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The bot's options that {@code serve} and {@code bot} share (a picocli mixin). */
final class BotMediaOptions {
  @Option(
      names = "--stats",
      paramLabel = "SECONDS",
      description =
          "Print each call's bitrate and frames this often (default: ${DEFAULT-VALUE}; 0 = never).")
  int statsSeconds = 5;

  @Option(
      names = "--send",
      paramLabel = "WHAT",
      description =
          "What the bot sends in a call: pattern (a moving test pattern and a 440 Hz tone),"
              + " screen (the X11 screen, via getDisplayMedia) or none (receive only)."
              + " Default: ${DEFAULT-VALUE}.")
  SendOption send = SendOption.pattern;

  @Option(
      names = "--record",
      paramLabel = "DIR",
      description =
          "Record what each call receives (the caller's audio and video) to"
              + " DIR/<UTC start>-<caller>.webm (-2, -3 ... when taken), finished on hang-up, when"
              + " the caller leaves and on Ctrl-C. Needs FFmpeg (the org.bytedeco jars).")
  Path recordDir;

  /** The type the bot records. */
  static final String RECORDING_TYPE = "video/webm";

  /** Why --record cannot be honoured (FFmpeg missing), or null when it can or is not asked for. */
  String recordingProblem() {
    return recordDir == null ? null : RecorderFactory.problem(RECORDING_TYPE);
  }

  /** The builder with what these options say. */
  CallBot.Builder configure(CallBot.Builder b) {
    b.statsInterval(statsInterval()).media(media());
    if (recordDir != null) {
      b.record(recordDir, StreamRecorder.mediaRecorder());
    }
    return b;
  }

  /** The status line that says where calls are recorded, if they are. */
  void announceRecording(String bot) {
    if (recordDir != null) {
      Status.line(
          "[%s] recording every call to %s/<UTC start>-<caller>.webm",
          bot, recordDir.toAbsolutePath().normalize());
    }
  }

  Duration statsInterval() {
    return Duration.ofSeconds(Math.max(0, statsSeconds));
  }

  CallBot.Media media() {
    return send.media();
  }
}

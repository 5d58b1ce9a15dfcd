package io.github.jrtc.cli;

import io.github.jrtc.signaling.CallBot;
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

  Duration statsInterval() {
    return Duration.ofSeconds(Math.max(0, statsSeconds));
  }

  CallBot.Media media() {
    return send.media();
  }
}

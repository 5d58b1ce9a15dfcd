package io.github.jrtc.cli;

import io.github.jrtc.signaling.CallBot;
import io.github.jrtc.signaling.TestPatternMedia;

/** What the bot sends in a call ({@code --send}). */
enum SendOption {
  /** A moving test pattern and a 440 Hz tone, made in Java. */
  pattern,
  /** Nothing: the bot only receives (and echoes data channel text). */
  none;

  CallBot.Media media() {
    return this == pattern ? new TestPatternMedia() : CallBot.Media.NONE;
  }
}

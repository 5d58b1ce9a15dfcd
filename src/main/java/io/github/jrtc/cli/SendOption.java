package io.github.jrtc.cli;

import io.github.jrtc.signaling.CallBot;
import io.github.jrtc.signaling.ScreenMedia;
import io.github.jrtc.signaling.TestPatternMedia;

/** What the bot sends in a call ({@code --send}). */
enum SendOption {
  /** A moving test pattern and a 440 Hz tone, made in Java. */
  pattern,
  /** The screen (X11), captured with getDisplayMedia() for each call. */
  screen,
  /** Nothing: the bot only receives (and echoes data channel text). */
  none;

  CallBot.Media media() {
    return switch (this) {
      case pattern -> new TestPatternMedia();
      case screen -> new ScreenMedia();
      case none -> CallBot.Media.NONE;
    };
  }
}

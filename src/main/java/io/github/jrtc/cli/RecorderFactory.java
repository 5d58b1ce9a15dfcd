package io.github.jrtc.cli;

import io.github.jrtc.whip.server.SessionRecorder;

/**
 * The recorder {@code whip-server --record} uses. MediaRecorder (issue 17) is not in this build
 * yet: until it is, there is none and sessions are received (and playable over WHEP) but not
 * written; {@code MediaRecorder.toFile(stream, path, options)} is what goes here.
 */
final class RecorderFactory {
  private RecorderFactory() {}

  /** The recorder for a container ("webm" or "mp4"), or null when this build cannot record. */
  static SessionRecorder forFormat(String format) {
    return null;
  }
}

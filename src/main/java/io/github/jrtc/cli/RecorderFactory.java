package io.github.jrtc.cli;

import io.github.jrtc.MediaRecorder;
import io.github.jrtc.MediaRecorderOptions;
import io.github.jrtc.whip.server.SessionRecorder;
import java.util.concurrent.CompletableFuture;

/**
 * The recorder {@code whip-server --record} uses: {@link MediaRecorder#toFile}, which picks WebM or
 * MP4 from the file's extension. Null when FFmpeg (the optional org.bytedeco dependencies) is not
 * on the class path: sessions are then received and playable over WHEP but not written.
 */
final class RecorderFactory {
  private RecorderFactory() {}

  /** The recorder for a container ("webm" or "mp4"), or null when this build cannot record. */
  static SessionRecorder forFormat(String format) {
    String type = format.equals("mp4") ? "video/mp4" : "video/webm";
    if (!MediaRecorder.isTypeSupported(type)) {
      return null;
    }
    return (stream, file) -> {
      MediaRecorder recorder =
          MediaRecorder.toFile(stream, file, MediaRecorderOptions.builder().build());
      // close() stops and waits until the file is complete: off the caller's thread.
      return () -> CompletableFuture.runAsync(recorder::close);
    };
  }
}

package io.github.jrtc.whip.server;

import io.github.jrtc.MediaRecorder;
import io.github.jrtc.MediaRecorderOptions;
import io.github.jrtc.MediaStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Where {@link WhipServer} hands each publisher's stream for recording: start a recording of a
 * {@link MediaStream} into a file, finish it when the session ends. The server calls {@link #start}
 * once the publisher's tracks are known and {@link Recording#finish()} exactly once when the
 * session ends (DELETE, failure, timeout or server close).
 */
@FunctionalInterface
public interface SessionRecorder {
  /** Starts recording {@code stream} into {@code file} (whose extension names the container). */
  Recording start(MediaStream stream, Path file) throws IOException;

  /**
   * Records through {@link MediaRecorder#toFile} with default options (WebM or MP4 by the file's
   * extension); finishing closes the recorder, which waits until the file is complete, off the
   * caller's thread. Needs FFmpeg on the class path ({@link MediaRecorder#isTypeSupported}).
   *
   * @return the recorder {@code whip-server --record} uses
   */
  static SessionRecorder mediaRecorder() {
    return (stream, file) -> {
      MediaRecorder recorder =
          MediaRecorder.toFile(stream, file, MediaRecorderOptions.builder().build());
      return () -> CompletableFuture.runAsync(recorder::close);
    };
  }

  /** A running recording. */
  interface Recording {
    /** Stops and completes the file; the future completes when the file is complete. */
    CompletableFuture<Void> finish();
  }
}

package io.github.jrtc.whip.server;

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

  /** A running recording. */
  interface Recording {
    /** Stops and completes the file; the future completes when the file is complete. */
    CompletableFuture<Void> finish();
  }
}

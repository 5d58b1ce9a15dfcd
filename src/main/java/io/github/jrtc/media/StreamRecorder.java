package io.github.jrtc.media;

import io.github.jrtc.MediaRecorder;
import io.github.jrtc.MediaRecorderOptions;
import io.github.jrtc.MediaStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Records a {@link MediaStream} into a file, for those that record what they receive: the WHIP
 * server ({@code io.github.jrtc.whip.server.WhipServer}: each publisher's stream) and the call bot
 * ({@code io.github.jrtc.signaling.CallBot}: each call). The owner calls {@link #start} once the
 * stream's tracks are known and {@link Recording#finish()} exactly once when the session or call
 * ends (hang-up, DELETE, failure, timeout or close).
 */
@FunctionalInterface
public interface StreamRecorder {
  /**
   * Starts recording {@code stream} into {@code file} (whose extension names the container).
   *
   * @param stream the publisher's remote stream, with its tracks known
   * @param file where to write the recording
   * @return the running recording, which the owner finishes when the session or call ends
   * @throws IOException if the recording cannot be started (e.g. the file cannot be created)
   */
  Recording start(MediaStream stream, Path file) throws IOException;

  /**
   * Records through {@link MediaRecorder#toFile} with default options (WebM or MP4 by the file's
   * extension); finishing closes the recorder, which waits until the file is complete, off the
   * caller's thread. Needs FFmpeg on the class path ({@link MediaRecorder#isTypeSupported}).
   *
   * @return the recorder {@code whip-server --record} and {@code serve --record} use
   */
  static StreamRecorder mediaRecorder() {
    return (stream, file) -> {
      MediaRecorder recorder =
          MediaRecorder.toFile(stream, file, MediaRecorderOptions.builder().build());
      // A thread per finishing file: the common pool has one thread on two cores, which would
      // finish the files of a closing server's sessions one after another.
      return () ->
          CompletableFuture.runAsync(
              recorder::close,
              task -> {
                Thread t = new Thread(task, "jrtc-recording-finish-" + file.getFileName());
                t.setDaemon(true);
                t.start();
              });
    };
  }

  /** A running recording. */
  interface Recording {
    /**
     * Stops and completes the file; the future completes when the file is complete.
     *
     * @return a future completing once the file is complete
     */
    CompletableFuture<Void> finish();
  }
}

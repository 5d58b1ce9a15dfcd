package io.github.jrtc.signaling;

import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.media.StreamRecorder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings of one bot call: what the call receives (the receivers' tracks of the transceivers
 * that receive once a negotiation is done) into {@code DIR/<UTC start>-<peer>.webm}. Tracks arrive
 * through separate {@code track} events, so the stream is built only when a negotiation has
 * finished; a later negotiation that changes the set of received tracks finishes the file and
 * starts the next one ({@code -2}, {@code -3} …) rather than failing. Thread-safe: negotiations end
 * on the connection's event queue, the call ends on the signaling thread.
 */
final class CallRecording {
  private static final Logger LOG = LoggerFactory.getLogger(CallRecording.class);

  private final Path dir;
  private final StreamRecorder recorder;
  private final String peer;
  private final Consumer<String> status;
  private String base;
  private int nextIndex = 1;
  private Set<String> trackIds = Set.of();
  private StreamRecorder.Recording current;
  private Path currentFile;
  private CompletableFuture<Void> finishing = CompletableFuture.completedFuture(null);
  private boolean ended;

  /**
   * @param status told "recording to PATH", "finished PATH" and failures, for status lines
   */
  CallRecording(Path dir, StreamRecorder recorder, String peer, Consumer<String> status) {
    this.dir = dir;
    this.recorder = recorder;
    this.peer = peer;
    this.status = status;
  }

  /**
   * A negotiation finished and the call now receives {@code tracks}: starts the first file, or the
   * next one when the set changed; finishes the current one when nothing is received any more.
   */
  synchronized void received(List<MediaStreamTrack> tracks) {
    if (ended) {
      return;
    }
    Set<String> ids = new LinkedHashSet<>();
    for (MediaStreamTrack t : tracks) {
      ids.add(t.id());
    }
    if (ids.equals(trackIds) && current != null) {
      return;
    }
    finishCurrent();
    trackIds = Set.copyOf(ids);
    if (ids.isEmpty()) {
      return;
    }
    try {
      if (base == null) {
        base = RecordingFiles.base(Instant.now(), peer);
      }
      Path file = RecordingFiles.reserve(dir, base, nextIndex);
      nextIndex = RecordingFiles.index(base, file) + 1;
      current = recorder.start(new MediaStream(tracks), file);
      currentFile = file;
      LOG.info("recording the call with {} to {}", peer, file);
      status.accept("recording to " + file);
    } catch (Exception e) { // NOPMD: IOException, and the recorder's DOMException/TypeError
      LOG.warn("cannot record the call with {}", peer, e);
      status.accept("cannot record: " + e);
    }
  }

  /**
   * The call ended: finishes the file.
   *
   * @return completes when every file of this call is complete
   */
  synchronized CompletableFuture<Void> end() {
    if (!ended) {
      ended = true;
      finishCurrent();
    }
    return finishing;
  }

  private void finishCurrent() {
    StreamRecorder.Recording r = current;
    Path file = currentFile;
    current = null;
    currentFile = null;
    if (r == null) {
      return;
    }
    CompletableFuture<Void> done;
    try {
      done =
          r.finish()
              .handle(
                  (v, err) -> {
                    if (err == null) {
                      status.accept("finished " + file);
                    } else {
                      LOG.warn("the recording {} did not finish", file, err);
                      status.accept("the recording " + file + " did not finish: " + err);
                    }
                    return null;
                  });
    } catch (RuntimeException e) {
      LOG.warn("the recording {} did not finish", file, e);
      done = CompletableFuture.completedFuture(null);
    }
    finishing = CompletableFuture.allOf(finishing, done);
  }
}

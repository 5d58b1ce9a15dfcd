package io.github.jrtc.internal.recording;

import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.webrtcjava.SinkDispatcher;
import io.github.jrtc.media.AudioData;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One recording: sinks on the tracks hand frames and audio to a bounded queue; one encoding thread
 * per recording stamps them onto the media timeline, encodes and muxes them into a file. Nothing
 * here blocks a media thread. Only constructed when {@link FfmpegAvailability#available()}.
 */
public final class RecordingSession {
  private static final Logger LOG = LoggerFactory.getLogger(RecordingSession.class);
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final MediaQueue queue = new MediaQueue();
  private final List<SinkRegistration> sinks = new ArrayList<>();
  private final BlobOutput output;
  private final boolean blobs;
  private final EncodingLoop loop;
  private final CompletableFuture<String> ended = new CompletableFuture<>();
  private volatile boolean gathering = true;
  private volatile boolean finishing;

  private RecordingSession(
      RecordingConfig config, boolean hasVideo, boolean hasAudio, Path file, boolean blobs) {
    this.blobs = blobs;
    this.output = new BlobOutput(file, blobs);
    this.loop = new EncodingLoop(config, hasVideo, hasAudio, file, !blobs, queue, output);
  }

  /**
   * Starts recording {@code tracks}: the native sides of the live public tracks the caller chose.
   *
   * @param file the file to write; null records to a temporary file handed out by {@link #take}
   */
  public static RecordingSession start(RecordingConfig config, List<TrackSource> tracks, Path file)
      throws IOException {
    boolean hasVideo = tracks.stream().anyMatch(t -> t.kind().equals("video"));
    boolean hasAudio = tracks.stream().anyMatch(t -> t.kind().equals("audio"));
    boolean blobs = file == null;
    Path target =
        blobs ? Files.createTempFile("jrtc-recording-", "." + config.format().container()) : file;
    RecordingSession s = new RecordingSession(config, hasVideo, hasAudio, target, blobs);
    Thread t = new Thread(s::run, "jrtc-recorder-" + COUNT.incrementAndGet());
    t.setDaemon(true);
    try {
      for (TrackSource track : tracks) {
        if (track.kind().equals("video")) {
          s.sinks.add(SinkDispatcher.forSource(track).addVideo(s::onFrame));
        } else {
          s.sinks.add(SinkDispatcher.forSource(track).addAudio(s::onAudio));
        }
      }
    } catch (RuntimeException e) {
      s.closeSinks();
      s.output.close();
      throw e;
    }
    t.start();
    return s;
  }

  private void onFrame(VideoFrame frame) {
    if (!gathering) {
      return;
    }
    frame.retain();
    if (!queue.offer(new MediaItem.Video(frame, frame.arrivalNanos()))) {
      frame.release();
    }
  }

  private void onAudio(AudioData data) {
    if (gathering) {
      queue.offer(new MediaItem.Audio(data));
    }
  }

  /** Stops gathering; the media timeline stands still until {@link #resume}. */
  public void pause() {
    gathering = false;
    queue.offer(new MediaItem.Pause(MediaClock.nanos()));
  }

  public void resume() {
    queue.offer(new MediaItem.Resume(MediaClock.nanos()));
    gathering = true;
  }

  /** Stops gathering and finishes the file; {@link #ended()} completes when it is written. */
  public void finish() {
    if (finishing) {
      return;
    }
    finishing = true;
    gathering = false;
    closeSinks();
    queue.offer(new MediaItem.Finish());
  }

  /** Completes (with null, or what failed) once the file is complete. */
  public CompletableFuture<String> ended() {
    return ended;
  }

  /** The bytes written since the last take (always empty when recording to a named file). */
  public BlobOutput.Chunk take() throws IOException {
    return output.take(blobs);
  }

  public long droppedVideoFrames() {
    return queue.droppedVideo() + loop.droppedVideoFrames();
  }

  public long insertedSilenceMillis() {
    return loop.insertedSilenceMillis();
  }

  /** Releases the temporary file once the last chunk was taken. */
  public void release() {
    output.close();
  }

  private void closeSinks() {
    synchronized (sinks) {
      for (SinkRegistration r : sinks) {
        try {
          r.close();
        } catch (RuntimeException e) {
          LOG.debug("Closing a recording sink failed", e);
        }
      }
      sinks.clear();
    }
  }

  private void run() {
    String failure = null;
    try {
      loop.run();
    } catch (Throwable t) { // NOPMD: any failure ends this recording, never the JVM
      LOG.warn("Recording to {} failed", output.file(), t);
      failure = t.getMessage() == null ? t.toString() : t.getMessage();
      finishing = true;
      gathering = false;
      closeSinks();
    } finally {
      for (MediaItem item : queue.drain()) {
        if (item instanceof MediaItem.Video v) {
          v.frame().release();
        }
      }
      loop.close();
    }
    ended.complete(failure);
  }
}

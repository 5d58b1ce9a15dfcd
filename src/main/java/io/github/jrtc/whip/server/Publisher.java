package io.github.jrtc.whip.server;

import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.StreamRecorder;
import io.github.jrtc.media.TrackSinks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One WHIP session: the publisher's connection, its stream, its recording and its viewers. */
final class Publisher {
  private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

  final String id;
  final RTCPeerConnection pc;
  final IceSession ice;
  final MediaStream stream = new MediaStream();
  final Map<String, Viewer> viewers = new ConcurrentHashMap<>();
  private final long createdNanos = System.nanoTime();
  private final List<SinkRegistration> sinks = new CopyOnWriteArrayList<>();
  private final AtomicLong videoFrames = new AtomicLong();
  private final AtomicLong audibleChunks = new AtomicLong();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile int size;
  private volatile long connectedNanos;
  private StreamRecorder.Recording recording; // guarded by this: see record()
  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  Publisher(String id, RTCPeerConnection pc, String etag) {
    this.id = id;
    this.pc = pc;
    this.ice = new IceSession(etag);
  }

  boolean connected() {
    return connectedNanos != 0 && !closed.get();
  }

  void markConnected() {
    if (connectedNanos == 0) {
      connectedNanos = System.nanoTime();
    }
  }

  /** The publisher's tracks, as the offer set them; each feeds stats and every viewer. */
  void track(MediaStreamTrack track) {
    if (stream.getTrackById(track.id()) != null || closed.get()) {
      return;
    }
    stream.addTrack(track);
    if (track.kind().equals("video")) {
      sinks.add(
          TrackSinks.addVideoSink(
              track,
              f -> {
                videoFrames.incrementAndGet();
                size = f.width() << 16 | f.height();
                for (Viewer v : viewers.values()) {
                  try {
                    v.frame(f);
                  } catch (RuntimeException e) {
                    LOG.debug("viewer {} frame: {}", v.id, e.toString());
                  }
                }
              }));
    } else {
      sinks.add(
          TrackSinks.addAudioSink(
              track,
              d -> {
                if (d.rms() > 0.01) {
                  audibleChunks.incrementAndGet();
                }
                for (Viewer v : viewers.values()) {
                  try {
                    v.audio(d);
                  } catch (RuntimeException e) {
                    LOG.debug("viewer {} audio: {}", v.id, e.toString());
                  }
                }
              }));
    }
  }

  SessionInfo info() {
    long c = connectedNanos;
    int s = size;
    return new SessionInfo(
        id,
        connected(),
        c == 0 ? -1 : (c - createdNanos) / 1_000_000,
        videoFrames.get(),
        s >>> 16,
        s & 0xffff,
        audibleChunks.get(),
        viewers.size(),
        recording());
  }

  boolean isClosed() {
    return closed.get() || pc.connectionState() == RTCPeerConnectionState.CLOSED;
  }

  /**
   * Starts the session's recording unless the session already ended (a server closing while the
   * answer was being made): a recording started after {@link #close()} would never be finished.
   */
  synchronized void record(RecordingStart start) throws Exception {
    if (closed.get()) {
      return;
    }
    recording = start.start();
  }

  private synchronized boolean recording() {
    return recording != null;
  }

  /** How {@link #record} starts the recording. */
  @FunctionalInterface
  interface RecordingStart {
    StreamRecorder.Recording start() throws Exception;
  }

  /**
   * Ends the session: viewers, recording, sinks, connection. Idempotent.
   *
   * @return completes once the recording is finished (the file complete), at once when there is
   *     none; never exceptionally (a recording that fails to finish is logged)
   */
  CompletableFuture<Void> close() {
    StreamRecorder.Recording r;
    synchronized (this) {
      if (!closed.compareAndSet(false, true)) {
        return finished;
      }
      r = recording;
    }
    for (Viewer v : viewers.values()) {
      v.close();
    }
    viewers.clear();
    if (r == null) {
      finished.complete(null);
    } else {
      try {
        var unused =
            r.finish()
                .whenComplete(
                    (x, err) -> {
                      if (err != null) {
                        LOG.warn("recording of session {} did not finish: {}", id, err.toString());
                      }
                      finished.complete(null);
                    });
      } catch (RuntimeException e) {
        LOG.warn("recording of session {} did not finish: {}", id, e.toString());
        finished.complete(null);
      }
    }
    for (SinkRegistration s : sinks) {
      s.close();
    }
    sinks.clear();
    pc.close();
    return finished;
  }
}

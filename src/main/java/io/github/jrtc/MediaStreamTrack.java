package io.github.jrtc;

import io.github.jrtc.internal.bridge.TrackAccess;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.loop.SerialEventQueue;
import io.github.jrtc.internal.spec.Errors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One audio or video track, as MDN documents {@code MediaStreamTrack}. Tracks come from {@code
 * navigator.mediaDevices}, from a receiver ({@code ontrack}), or from a Java source in {@code
 * io.github.jrtc.media}. Its events run on the track's own serial event queue.
 */
public class MediaStreamTrack extends EventTarget {
  private static final AtomicInteger COUNT = new AtomicInteger();

  static {
    TrackAccess.register(MediaStreamTrack::new, t -> t.source);
  }

  private final TrackSource source;
  private final String kind;
  private final String id;
  private final String label;
  private final SerialEventQueue queue;
  private volatile boolean enabled = true;
  private volatile boolean muted;
  private volatile MediaStreamTrackState readyState = MediaStreamTrackState.LIVE;
  private volatile MediaTrackConstraints constraints = new MediaTrackConstraints();

  MediaStreamTrack(TrackSource source) {
    this.source = source;
    this.kind = source.kind();
    this.id = source.id();
    this.label = source.label();
    this.queue = new SerialEventQueue("track-" + COUNT.incrementAndGet());
  }

  /** "audio" or "video". */
  public String kind() {
    return kind;
  }

  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public boolean enabled() {
    return enabled;
  }

  /** A disabled track sends black frames or silence; it stays live. */
  public void enabled(boolean value) {
    enabled = value;
    if (readyState == MediaStreamTrackState.LIVE) {
      source.setEnabled(value);
    }
  }

  /** Whether the source is temporarily unable to provide media (for a remote track: no RTP). */
  public boolean muted() {
    return muted;
  }

  public MediaStreamTrackState readyState() {
    return readyState;
  }

  /** Ends the track; no "ended" event fires for a track the application stopped. Idempotent. */
  public void stop() {
    if (readyState == MediaStreamTrackState.ENDED) {
      return;
    }
    readyState = MediaStreamTrackState.ENDED;
    source.stop();
  }

  /** A new live track on the same source, with the same enabled state and constraints. */
  public MediaStreamTrack clone() {
    MediaStreamTrack copy = new MediaStreamTrack(source.cloneSource());
    copy.constraints = constraints;
    copy.enabled(enabled);
    copy.muted = muted;
    if (readyState == MediaStreamTrackState.ENDED) {
      copy.stop();
    }
    return copy;
  }

  public MediaTrackSettings getSettings() {
    return readyState == MediaStreamTrackState.ENDED && source.isRemote()
        ? MediaTrackSettings.empty()
        : source.settings();
  }

  /** Set by getUserMedia/getDisplayMedia: the constraints the track was created with. */
  void appliedConstraints(MediaTrackConstraints c) {
    constraints = c == null ? new MediaTrackConstraints() : c;
  }

  public MediaTrackConstraints getConstraints() {
    return constraints;
  }

  public MediaTrackCapabilities getCapabilities() {
    return source.capabilities();
  }

  /** Applies constraints to the source; OverconstrainedError when a required one cannot be met. */
  public CompletableFuture<Void> applyConstraints() {
    return applyConstraints(new MediaTrackConstraints());
  }

  public CompletableFuture<Void> applyConstraints(MediaTrackConstraints newConstraints) {
    MediaTrackConstraints c = newConstraints == null ? new MediaTrackConstraints() : newConstraints;
    CompletableFuture<Void> out = new CompletableFuture<>();
    if (readyState == MediaStreamTrackState.ENDED) {
      // The spec resolves for an ended track without doing anything.
      queue.execute(() -> out.complete(null));
      return out;
    }
    CompletableFuture<Void> applied;
    try {
      applied = source.applyConstraints(c);
    } catch (RuntimeException e) {
      applied = CompletableFuture.failedFuture(e);
    }
    io.github.jrtc.internal.loop.Futures.onComplete(
        applied,
        (v, e) ->
            queue.execute(
                () -> {
                  if (e == null) {
                    constraints = c;
                    out.complete(null);
                  } else {
                    out.completeExceptionally(
                        e instanceof java.util.concurrent.CompletionException
                                && e.getCause() != null
                            ? e.getCause()
                            : e);
                  }
                }));
    return out;
  }

  public void onended(EventHandler<Event> handler) {
    setEventHandler("ended", handler);
  }

  public void onmute(EventHandler<Event> handler) {
    setEventHandler("mute", handler);
  }

  public void onunmute(EventHandler<Event> handler) {
    setEventHandler("unmute", handler);
  }

  // ---------------------------------------------------------------- for the connection

  /** The source ended by itself (device gone, remote track removed): "ended" fires. */
  void endedBySource(boolean fireEvent) {
    if (readyState == MediaStreamTrackState.ENDED) {
      return;
    }
    readyState = MediaStreamTrackState.ENDED;
    source.stop();
    if (fireEvent) {
      queue.execute(() -> dispatchEvent(new Event("ended")));
    }
  }

  /** Sets muted and fires "mute"/"unmute" if it changed; returns whether it changed. */
  boolean setMuted(boolean value, boolean fireEvent) {
    if (muted == value || readyState == MediaStreamTrackState.ENDED) {
      return false;
    }
    muted = value;
    if (fireEvent) {
      dispatchEvent(new Event(value ? "mute" : "unmute"));
    }
    return true;
  }

  TrackSource source() {
    return source;
  }

  void requireLive(String what) {
    if (readyState == MediaStreamTrackState.ENDED) {
      throw Errors.invalidState(what + ": the track has ended");
    }
  }

  @Override
  public String toString() {
    return "MediaStreamTrack[kind="
        + kind
        + ", id="
        + id
        + ", label="
        + label
        + ", "
        + readyState
        + "]";
  }
}

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
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack">MDN</a>.
 */
public class MediaStreamTrack extends EventTarget {
  private static final AtomicInteger COUNT = new AtomicInteger();

  static {
    // For public code outside this package (io.github.jrtc.media's sources and sinks); this
    // package uses the constructor and source() directly, internal code never sees a track.
    TrackAccess.register(MediaStreamTrack.class, MediaStreamTrack::new, t -> t.source);
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

  /**
   * "audio" or "video".
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/kind">MDN</a>.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * The track's id.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/id">MDN</a>.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * What the source calls itself, e.g. the device's name.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/label">MDN</a>.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Whether the track passes its source's media on (a disabled track sends black or silence).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/enabled">MDN</a>.
   *
   * @return true when enabled
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * A disabled track sends black frames or silence; it stays live.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/enabled">MDN</a>.
   *
   * @param value false to send black frames or silence
   */
  public void enabled(boolean value) {
    enabled = value;
    if (readyState == MediaStreamTrackState.LIVE) {
      source.setEnabled(value);
    }
  }

  /**
   * Whether the source is temporarily unable to provide media (for a remote track: no RTP).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/muted">MDN</a>.
   *
   * @return true while muted
   */
  public boolean muted() {
    return muted;
  }

  /**
   * Whether the track is live or ended.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/readyState">MDN</a>.
   *
   * @return the state
   */
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

  /**
   * A new live track on the same source, with the same enabled state and constraints.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/clone">MDN</a>.
   *
   * @return the new track
   */
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

  /**
   * The values the source runs with now (size, frame rate, device, ...).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/getSettings">MDN</a>.
   *
   * @return the current settings
   */
  public MediaTrackSettings getSettings() {
    return readyState == MediaStreamTrackState.ENDED && source.isRemote()
        ? MediaTrackSettings.empty()
        : source.settings();
  }

  /** Set by getUserMedia/getDisplayMedia: the constraints the track was created with. */
  void appliedConstraints(MediaTrackConstraints c) {
    constraints = c == null ? new MediaTrackConstraints() : c;
  }

  /**
   * The constraints last applied to the track.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/getConstraints">MDN</a>.
   *
   * @return the constraints
   */
  public MediaTrackConstraints getConstraints() {
    return constraints;
  }

  /**
   * The ranges and values the source can take.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/getCapabilities">MDN</a>.
   *
   * @return the capabilities
   */
  public MediaTrackCapabilities getCapabilities() {
    return source.capabilities();
  }

  /**
   * Applies constraints to the source; OverconstrainedError when a required one cannot be met.
   *
   * @return completes once applied
   */
  public CompletableFuture<Void> applyConstraints() {
    return applyConstraints(new MediaTrackConstraints());
  }

  /**
   * Applies constraints to the source; OverconstrainedError when a required one cannot be met. An
   * ended track resolves without doing anything.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/applyConstraints">MDN</a>.
   *
   * @param newConstraints the constraints; null means none
   * @return completes once applied
   */
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

  /**
   * Sets the {@code onended} handler: it runs for each {@code "ended"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onended(EventHandler<Event> handler) {
    setEventHandler("ended", handler);
  }

  /**
   * Sets the {@code onmute} handler: it runs for each {@code "mute"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onmute(EventHandler<Event> handler) {
    setEventHandler("mute", handler);
  }

  /**
   * Sets the {@code onunmute} handler: it runs for each {@code "unmute"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
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

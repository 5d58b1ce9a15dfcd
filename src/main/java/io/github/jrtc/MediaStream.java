package io.github.jrtc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A set of tracks, as MDN documents {@code MediaStream}. addtrack/removetrack fire only when the
 * connection changes a remote stream, never for {@link #addTrack}/{@link #removeTrack}, as in JS.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream">MDN</a>.
 */
public class MediaStream extends EventTarget {
  private final String id;
  private final List<MediaStreamTrack> tracks = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> ids = new ConcurrentHashMap<>();

  /** An empty stream with a new id. */
  public MediaStream() {
    this(UUID.randomUUID().toString(), List.of());
  }

  /**
   * A stream with these tracks (duplicates are ignored).
   *
   * @param tracks the tracks the new stream holds
   */
  public MediaStream(List<MediaStreamTrack> tracks) {
    this(UUID.randomUUID().toString(), tracks);
  }

  /**
   * A stream with the tracks of another stream (the tracks are shared, not cloned).
   *
   * @param stream the stream whose tracks the new stream holds
   */
  public MediaStream(MediaStream stream) {
    this(UUID.randomUUID().toString(), stream.getTracks());
  }

  MediaStream(String id, List<MediaStreamTrack> initial) {
    this.id = id;
    if (initial != null) {
      initial.forEach(this::addTrack);
    }
  }

  /**
   * The stream's id (a UUID, or the id the remote side announced).
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream/id">MDN</a>.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * True while any of its tracks is live.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream/active">MDN</a>.
   *
   * @return true while a track is live
   */
  public boolean active() {
    for (MediaStreamTrack t : tracks) {
      if (t.readyState() == MediaStreamTrackState.LIVE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The stream's tracks, audio and video, in the order they were added.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream/getTracks">MDN</a>.
   *
   * @return an unmodifiable list of tracks
   */
  public List<MediaStreamTrack> getTracks() {
    return List.copyOf(tracks);
  }

  /**
   * The stream's audio tracks.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream/getAudioTracks">MDN</a>.
   *
   * @return an unmodifiable list of tracks
   */
  public List<MediaStreamTrack> getAudioTracks() {
    return ofKind("audio");
  }

  /**
   * The stream's video tracks.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream/getVideoTracks">MDN</a>.
   *
   * @return an unmodifiable list of tracks
   */
  public List<MediaStreamTrack> getVideoTracks() {
    return ofKind("video");
  }

  private List<MediaStreamTrack> ofKind(String kind) {
    List<MediaStreamTrack> out = new ArrayList<>();
    for (MediaStreamTrack t : tracks) {
      if (t.kind().equals(kind)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The track with this id, or null.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream/getTrackById">MDN</a>.
   *
   * @param trackId a track id
   * @return the track, or null
   */
  public MediaStreamTrack getTrackById(String trackId) {
    for (MediaStreamTrack t : tracks) {
      if (t.id().equals(trackId)) {
        return t;
      }
    }
    return null;
  }

  /**
   * Adds a track; no effect if it is already in the stream.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream/addTrack">MDN</a>.
   *
   * @param track the track (TypeError when null)
   */
  public void addTrack(MediaStreamTrack track) {
    if (track == null) {
      throw new TypeError("addTrack needs a MediaStreamTrack");
    }
    synchronized (tracks) {
      if (!tracks.contains(track)) {
        tracks.add(track);
        ids.put(track.id(), Boolean.TRUE);
      }
    }
  }

  /**
   * Removes a track from the stream (no event fires: {@code removetrack} is for changes the remote
   * side makes); a track not in the stream is ignored.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStream/removeTrack">MDN</a>.
   *
   * @param track the track (TypeError when null)
   */
  public void removeTrack(MediaStreamTrack track) {
    if (track == null) {
      throw new TypeError("removeTrack needs a MediaStreamTrack");
    }
    synchronized (tracks) {
      if (tracks.remove(track)) {
        ids.remove(track.id());
      }
    }
  }

  /** A new stream with a new id whose tracks are clones of these. */
  @Override
  public MediaStream clone() {
    List<MediaStreamTrack> copies = new ArrayList<>();
    for (MediaStreamTrack t : tracks) {
      copies.add(t.clone());
    }
    return new MediaStream(copies);
  }

  /**
   * Sets the {@code onaddtrack} handler: it runs for each {@code "addtrack"} event, never on a
   * native thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onaddtrack(EventHandler<MediaStreamTrackEvent> handler) {
    setEventHandler("addtrack", handler);
  }

  /**
   * Sets the {@code onremovetrack} handler: it runs for each {@code "removetrack"} event, never on
   * a native thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onremovetrack(EventHandler<MediaStreamTrackEvent> handler) {
    setEventHandler("removetrack", handler);
  }

  /** Used by the connection for remote streams: add and fire "addtrack". */
  void addTrackAndFire(MediaStreamTrack track) {
    boolean added;
    synchronized (tracks) {
      added = !tracks.contains(track);
      if (added) {
        tracks.add(track);
      }
    }
    if (added) {
      dispatchEvent(new MediaStreamTrackEvent("addtrack", track));
    }
  }

  void removeTrackAndFire(MediaStreamTrack track) {
    boolean removed;
    synchronized (tracks) {
      removed = tracks.remove(track);
    }
    if (removed) {
      dispatchEvent(new MediaStreamTrackEvent("removetrack", track));
    }
  }

  @Override
  public String toString() {
    return "MediaStream[id=" + id + ", tracks=" + tracks + "]";
  }
}

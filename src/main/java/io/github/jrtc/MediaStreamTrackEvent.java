package io.github.jrtc;

/**
 * A stream's "addtrack" / "removetrack" event.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrackEvent">MDN</a>.
 */
public final class MediaStreamTrackEvent extends Event {
  private final MediaStreamTrack track;

  /**
   * A track event.
   *
   * @param type "addtrack" or "removetrack"
   * @param track the track added or removed
   */
  public MediaStreamTrackEvent(String type, MediaStreamTrack track) {
    super(type);
    this.track = track;
  }

  /**
   * The track added to or removed from the stream.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrackEvent/track">MDN</a>.
   *
   * @return the track
   */
  public MediaStreamTrack track() {
    return track;
  }
}

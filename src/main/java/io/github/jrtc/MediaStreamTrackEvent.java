package io.github.jrtc;

/**
 * A stream's "addtrack" / "removetrack" event.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrackEvent">MDN</a>.
 */
public final class MediaStreamTrackEvent extends Event {
  private final MediaStreamTrack track;

  public MediaStreamTrackEvent(String type, MediaStreamTrack track) {
    super(type);
    this.track = track;
  }

  public MediaStreamTrack track() {
    return track;
  }
}

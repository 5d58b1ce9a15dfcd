package io.github.jrtc;

import java.util.List;

/**
 * The "track" event: a remote track started arriving on a receiver.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCTrackEvent">MDN</a>.
 */
public final class RTCTrackEvent extends Event {
  private final RTCRtpReceiver receiver;
  private final MediaStreamTrack track;
  private final List<MediaStream> streams;
  private final RTCRtpTransceiver transceiver;

  /**
   * A track event.
   *
   * @param type "track"
   * @param receiver the receiver of the new track
   * @param track the new remote track
   * @param streams the streams the remote side put it in
   * @param transceiver the transceiver of the new track
   */
  public RTCTrackEvent(
      String type,
      RTCRtpReceiver receiver,
      MediaStreamTrack track,
      List<MediaStream> streams,
      RTCRtpTransceiver transceiver) {
    super(type);
    this.receiver = receiver;
    this.track = track;
    this.streams = List.copyOf(streams);
    this.transceiver = transceiver;
  }

  /**
   * The receiver of the new track.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCTrackEvent/receiver">MDN</a>.
   *
   * @return the receiver
   */
  public RTCRtpReceiver receiver() {
    return receiver;
  }

  /**
   * The new remote track.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCTrackEvent/track">MDN</a>.
   *
   * @return the track
   */
  public MediaStreamTrack track() {
    return track;
  }

  /**
   * The streams the remote side put the track in.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCTrackEvent/streams">MDN</a>.
   *
   * @return an unmodifiable list of streams
   */
  public List<MediaStream> streams() {
    return streams;
  }

  /**
   * The transceiver of the new track.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCTrackEvent/transceiver">MDN</a>.
   *
   * @return the transceiver
   */
  public RTCRtpTransceiver transceiver() {
    return transceiver;
  }
}

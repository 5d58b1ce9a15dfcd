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

  public RTCRtpReceiver receiver() {
    return receiver;
  }

  public MediaStreamTrack track() {
    return track;
  }

  public List<MediaStream> streams() {
    return streams;
  }

  public RTCRtpTransceiver transceiver() {
    return transceiver;
  }
}

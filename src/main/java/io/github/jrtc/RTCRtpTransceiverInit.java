package io.github.jrtc;

import java.util.List;

/**
 * {@code addTransceiver}'s options: direction (default sendrecv), the streams a track is sent in,
 * and at most one send encoding (libwebrtc via webrtc-java has no simulcast rids).
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/addTransceiver">MDN</a>.
 */
public record RTCRtpTransceiverInit(
    RTCRtpTransceiverDirection direction,
    List<MediaStream> streams,
    List<RTCRtpEncodingParameters> sendEncodings) {
  /**
   * The options; a null direction is "sendrecv" and null lists are empty, as in JS.
   *
   * @param direction the {@code direction} member
   * @param streams the {@code streams} member
   * @param sendEncodings the {@code sendEncodings} member
   */
  public RTCRtpTransceiverInit {
    direction = direction == null ? RTCRtpTransceiverDirection.SENDRECV : direction;
    streams = streams == null ? List.of() : List.copyOf(streams);
    sendEncodings = sendEncodings == null ? List.of() : List.copyOf(sendEncodings);
  }

  /** The default options: sendrecv, no streams, one default encoding. */
  public RTCRtpTransceiverInit() {
    this(RTCRtpTransceiverDirection.SENDRECV, List.of(), List.of());
  }

  /**
   * Options with a direction.
   *
   * @param direction the direction
   */
  public RTCRtpTransceiverInit(RTCRtpTransceiverDirection direction) {
    this(direction, List.of(), List.of());
  }

  /**
   * Options with a direction and streams.
   *
   * @param direction the direction
   * @param streams the streams the remote side should put the track in
   */
  public RTCRtpTransceiverInit(RTCRtpTransceiverDirection direction, List<MediaStream> streams) {
    this(direction, streams, List.of());
  }
}

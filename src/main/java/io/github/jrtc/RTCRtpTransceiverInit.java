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
  public RTCRtpTransceiverInit {
    direction = direction == null ? RTCRtpTransceiverDirection.SENDRECV : direction;
    streams = streams == null ? List.of() : List.copyOf(streams);
    sendEncodings = sendEncodings == null ? List.of() : List.copyOf(sendEncodings);
  }

  public RTCRtpTransceiverInit() {
    this(RTCRtpTransceiverDirection.SENDRECV, List.of(), List.of());
  }

  public RTCRtpTransceiverInit(RTCRtpTransceiverDirection direction) {
    this(direction, List.of(), List.of());
  }

  public RTCRtpTransceiverInit(RTCRtpTransceiverDirection direction, List<MediaStream> streams) {
    this(direction, streams, List.of());
  }
}

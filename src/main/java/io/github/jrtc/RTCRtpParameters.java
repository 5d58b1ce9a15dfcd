package io.github.jrtc;

import java.util.List;

/** A receiver's parameters ({@code RTCRtpReceiveParameters} is the same shape). */
public record RTCRtpParameters(
    List<RTCRtpHeaderExtensionParameters> headerExtensions,
    RTCRtcpParameters rtcp,
    List<RTCRtpCodecParameters> codecs) {
  public RTCRtpParameters {
    headerExtensions = List.copyOf(headerExtensions);
    codecs = List.copyOf(codecs);
  }
}

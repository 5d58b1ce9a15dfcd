package io.github.jrtc;

import java.util.List;

/**
 * A receiver's parameters ({@code RTCRtpReceiveParameters} is the same shape).
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getParameters">MDN</a>.
 */
public record RTCRtpParameters(
    List<RTCRtpHeaderExtensionParameters> headerExtensions,
    RTCRtcpParameters rtcp,
    List<RTCRtpCodecParameters> codecs) {
  /**
   * The parameters; the lists are copied.
   *
   * @param headerExtensions the {@code headerExtensions} member
   * @param rtcp the {@code rtcp} member
   * @param codecs the {@code codecs} member
   */
  public RTCRtpParameters {
    headerExtensions = List.copyOf(headerExtensions);
    codecs = List.copyOf(codecs);
  }
}

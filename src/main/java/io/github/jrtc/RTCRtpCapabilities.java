package io.github.jrtc;

import java.util.List;

/**
 * What {@code RTCRtpSender.getCapabilities(kind)} / the receiver's counterpart return.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getCapabilities_static">MDN</a>.
 */
public record RTCRtpCapabilities(
    List<RTCRtpCodec> codecs, List<RTCRtpHeaderExtensionCapability> headerExtensions) {
  /**
   * The capabilities; the lists are copied.
   *
   * @param codecs the {@code codecs} member
   * @param headerExtensions the {@code headerExtensions} member
   */
  public RTCRtpCapabilities {
    codecs = List.copyOf(codecs);
    headerExtensions = List.copyOf(headerExtensions);
  }
}

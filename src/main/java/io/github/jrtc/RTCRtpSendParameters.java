package io.github.jrtc;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code sender.getParameters()} returns and {@code setParameters} takes. Change encodings
 * with {@link #withEncodings}; the transactionId must stay that of the last getParameters.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getParameters">MDN</a>.
 */
public record RTCRtpSendParameters(
    String transactionId,
    List<RTCRtpEncodingParameters> encodings,
    List<RTCRtpHeaderExtensionParameters> headerExtensions,
    RTCRtcpParameters rtcp,
    List<RTCRtpCodecParameters> codecs) {
  public RTCRtpSendParameters {
    encodings = List.copyOf(encodings);
    headerExtensions = List.copyOf(headerExtensions);
    codecs = List.copyOf(codecs);
  }

  public RTCRtpSendParameters withEncodings(List<RTCRtpEncodingParameters> newEncodings) {
    return new RTCRtpSendParameters(transactionId, newEncodings, headerExtensions, rtcp, codecs);
  }

  /** A copy with encoding {@code index} replaced. */
  public RTCRtpSendParameters withEncoding(int index, RTCRtpEncodingParameters encoding) {
    List<RTCRtpEncodingParameters> list = new ArrayList<>(encodings);
    list.set(index, encoding);
    return withEncodings(list);
  }
}

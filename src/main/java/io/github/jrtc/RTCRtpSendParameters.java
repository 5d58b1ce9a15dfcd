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
  /**
   * The parameters; the lists are copied.
   *
   * @param transactionId the {@code transactionId} member
   * @param encodings the {@code encodings} member
   * @param headerExtensions the {@code headerExtensions} member
   * @param rtcp the {@code rtcp} member
   * @param codecs the {@code codecs} member
   */
  public RTCRtpSendParameters {
    encodings = List.copyOf(encodings);
    headerExtensions = List.copyOf(headerExtensions);
    codecs = List.copyOf(codecs);
  }

  /**
   * A copy with other encodings.
   *
   * @param newEncodings the encodings
   * @return the copy
   */
  public RTCRtpSendParameters withEncodings(List<RTCRtpEncodingParameters> newEncodings) {
    return new RTCRtpSendParameters(transactionId, newEncodings, headerExtensions, rtcp, codecs);
  }

  /**
   * A copy with encoding {@code index} replaced.
   *
   * @param index which encoding
   * @param encoding the new encoding
   * @return the copy
   */
  public RTCRtpSendParameters withEncoding(int index, RTCRtpEncodingParameters encoding) {
    List<RTCRtpEncodingParameters> list = new ArrayList<>(encodings);
    list.set(index, encoding);
    return withEncodings(list);
  }
}

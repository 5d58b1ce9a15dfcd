package io.github.jrtc;

/**
 * One encoding of a sender ({@code RTCRtpEncodingParameters}); null members are absent. {@code rid}
 * is always null here: libwebrtc via webrtc-java exposes no simulcast rids.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/setParameters">MDN</a>.
 */
public record RTCRtpEncodingParameters(
    String rid,
    boolean active,
    Integer maxBitrate,
    Double maxFramerate,
    Double scaleResolutionDownBy) {

  /** An active encoding with no limits. */
  public RTCRtpEncodingParameters() {
    this(null, true, null, null, null);
  }

  public RTCRtpEncodingParameters withActive(boolean value) {
    return new RTCRtpEncodingParameters(
        rid, value, maxBitrate, maxFramerate, scaleResolutionDownBy);
  }

  public RTCRtpEncodingParameters withMaxBitrate(Integer value) {
    return new RTCRtpEncodingParameters(rid, active, value, maxFramerate, scaleResolutionDownBy);
  }

  public RTCRtpEncodingParameters withMaxFramerate(Double value) {
    return new RTCRtpEncodingParameters(rid, active, maxBitrate, value, scaleResolutionDownBy);
  }

  public RTCRtpEncodingParameters withScaleResolutionDownBy(Double value) {
    return new RTCRtpEncodingParameters(rid, active, maxBitrate, maxFramerate, value);
  }
}

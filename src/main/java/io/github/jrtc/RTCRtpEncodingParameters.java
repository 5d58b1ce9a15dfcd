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

  /**
   * A copy with {@code active} set.
   *
   * @param value false to stop sending this encoding
   * @return the copy
   */
  public RTCRtpEncodingParameters withActive(boolean value) {
    return new RTCRtpEncodingParameters(
        rid, value, maxBitrate, maxFramerate, scaleResolutionDownBy);
  }

  /**
   * A copy with {@code maxBitrate} set.
   *
   * @param value bits per second, or null for no limit
   * @return the copy
   */
  public RTCRtpEncodingParameters withMaxBitrate(Integer value) {
    return new RTCRtpEncodingParameters(rid, active, value, maxFramerate, scaleResolutionDownBy);
  }

  /**
   * A copy with {@code maxFramerate} set.
   *
   * @param value frames per second, or null for no limit
   * @return the copy
   */
  public RTCRtpEncodingParameters withMaxFramerate(Double value) {
    return new RTCRtpEncodingParameters(rid, active, maxBitrate, value, scaleResolutionDownBy);
  }

  /**
   * A copy with {@code scaleResolutionDownBy} set.
   *
   * @param value the factor (1 or more), or null
   * @return the copy
   */
  public RTCRtpEncodingParameters withScaleResolutionDownBy(Double value) {
    return new RTCRtpEncodingParameters(rid, active, maxBitrate, maxFramerate, value);
  }
}

package io.github.jrtc;

/**
 * A negotiated codec in {@code RTCRtpParameters.codecs}.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getParameters">MDN</a>.
 */
public record RTCRtpCodecParameters(
    int payloadType, String mimeType, int clockRate, Integer channels, String sdpFmtpLine) {}

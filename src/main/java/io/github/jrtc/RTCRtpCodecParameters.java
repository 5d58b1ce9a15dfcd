package io.github.jrtc;

/** A negotiated codec in {@code RTCRtpParameters.codecs}. */
public record RTCRtpCodecParameters(
    int payloadType, String mimeType, int clockRate, Integer channels, String sdpFmtpLine) {}

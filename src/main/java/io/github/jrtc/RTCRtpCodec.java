package io.github.jrtc;

/**
 * A codec as {@code RTCRtpCodec} (also what {@code RTCRtpCodecCapability} was): e.g. {@code
 * "audio/opus"}, 48000, 2, {@code "minptime=10;useinbandfec=1"}. Null channels/fmtp mean absent.
 */
public record RTCRtpCodec(String mimeType, int clockRate, Integer channels, String sdpFmtpLine) {}

package io.github.jrtc;

/**
 * A codec as {@code RTCRtpCodec} (also what {@code RTCRtpCodecCapability} was): e.g. {@code
 * "audio/opus"}, 48000, 2, {@code "minptime=10;useinbandfec=1"}. Null channels/fmtp mean absent.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpTransceiver/setCodecPreferences">MDN</a>.
 */
public record RTCRtpCodec(String mimeType, int clockRate, Integer channels, String sdpFmtpLine) {}

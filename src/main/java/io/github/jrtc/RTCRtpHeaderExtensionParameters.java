package io.github.jrtc;

/**
 * A negotiated header extension.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getParameters">MDN</a>.
 */
public record RTCRtpHeaderExtensionParameters(String uri, int id, boolean encrypted) {}

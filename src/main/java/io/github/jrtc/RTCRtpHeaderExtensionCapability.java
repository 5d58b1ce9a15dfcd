package io.github.jrtc;

/**
 * A header extension the implementation supports.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getCapabilities_static">MDN</a>.
 */
public record RTCRtpHeaderExtensionCapability(String uri) {}

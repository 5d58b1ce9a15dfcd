package io.github.jrtc;

/** A header extension the implementation supports. */
public record RTCRtpHeaderExtensionCapability(String uri) {}

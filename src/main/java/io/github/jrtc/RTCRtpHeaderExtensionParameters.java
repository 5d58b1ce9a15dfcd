package io.github.jrtc;

/** A negotiated header extension. */
public record RTCRtpHeaderExtensionParameters(String uri, int id, boolean encrypted) {}

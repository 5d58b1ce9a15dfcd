package io.github.jrtc;

/**
 * The candidate pair an {@link RTCIceTransport} selected, as MDN documents {@code
 * RTCIceCandidatePair}.
 */
public record RTCIceCandidatePair(RTCIceCandidate local, RTCIceCandidate remote) {}

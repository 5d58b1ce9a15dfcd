package io.github.jrtc;

/**
 * The candidate pair an {@link RTCIceTransport} selected, as MDN documents {@code
 * RTCIceCandidatePair}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidatePair">MDN</a>.
 */
public record RTCIceCandidatePair(RTCIceCandidate local, RTCIceCandidate remote) {}

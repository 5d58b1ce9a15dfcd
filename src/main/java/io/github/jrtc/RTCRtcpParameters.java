package io.github.jrtc;

/**
 * RTCP parameters of a sender or receiver.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getParameters">MDN</a>.
 */
public record RTCRtcpParameters(String cname, boolean reducedSize) {}

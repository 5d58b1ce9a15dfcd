package io.github.jrtc;

/** RTCP parameters of a sender or receiver. */
public record RTCRtcpParameters(String cname, boolean reducedSize) {}

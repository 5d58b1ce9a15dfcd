package io.github.jrtc;

/** A synchronization (SSRC) source seen by a receiver in the last 10 s. */
public record RTCRtpSynchronizationSource(
    double timestamp,
    long source,
    Double audioLevel,
    long rtpTimestamp,
    Boolean voiceActivityFlag) {}

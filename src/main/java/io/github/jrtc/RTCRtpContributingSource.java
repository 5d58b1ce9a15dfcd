package io.github.jrtc;

/**
 * A contributing (CSRC) source seen by a receiver in the last 10 s.
 *
 * @param timestamp milliseconds since the epoch of the last packet from it
 * @param audioLevel 0..1, null for video
 */
public record RTCRtpContributingSource(
    double timestamp, long source, Double audioLevel, long rtpTimestamp) {}

package io.github.jrtc;

/**
 * A contributing (CSRC) source seen by a receiver in the last 10 s.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/getContributingSources">MDN</a>.
 *
 * @param timestamp milliseconds since the epoch of the last packet from it
 * @param audioLevel 0..1, null for video
 */
public record RTCRtpContributingSource(
    double timestamp, long source, Double audioLevel, long rtpTimestamp) {}

package io.github.jrtc;

/**
 * A synchronization (SSRC) source seen by a receiver in the last 10 s.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/getSynchronizationSources">MDN</a>.
 */
public record RTCRtpSynchronizationSource(
    double timestamp,
    long source,
    Double audioLevel,
    long rtpTimestamp,
    Boolean voiceActivityFlag) {}

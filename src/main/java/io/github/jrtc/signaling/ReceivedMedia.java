package io.github.jrtc.signaling;

/**
 * What a {@link CallBot} has received from one caller so far: decoded video frames (and the last
 * frame's size) and audio level (RMS of 10 ms chunks, 0 to 1; {@code audibleChunks} counts chunks
 * above 0.01, so decoder silence before media flows does not count).
 */
public record ReceivedMedia(
    long videoFrames, int width, int height, double maxAudioLevel, long audibleChunks) {}

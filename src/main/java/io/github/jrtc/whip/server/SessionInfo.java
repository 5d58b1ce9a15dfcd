package io.github.jrtc.whip.server;

/**
 * What the server knows about one WHIP session: whether its publisher is connected, how long the
 * set-up took (POST received to connected, or -1), what it received so far (decoded video frames
 * and the last frame's size; 10 ms audio chunks above an RMS of 0.01, so decoder silence before
 * media does not count), its viewers, and whether it is recorded.
 */
public record SessionInfo(
    String id,
    boolean connected,
    long setupMillis,
    long videoFrames,
    int width,
    int height,
    long audibleChunks,
    int viewers,
    boolean recording) {}

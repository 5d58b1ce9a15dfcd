package io.github.jrtc.media;

/**
 * WebCodecs' {@code PlaneLayout}: where {@link VideoFrame#copyTo} put one plane in the destination,
 * as a byte offset from the destination's position and the bytes per row.
 */
public record PlaneLayout(int offset, int stride) {}

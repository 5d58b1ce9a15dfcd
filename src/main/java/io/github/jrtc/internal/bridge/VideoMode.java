package io.github.jrtc.internal.bridge;

/** One capture format a camera offers (webrtc-java's VideoCaptureCapability, copied). */
public record VideoMode(int width, int height, int frameRate) {}

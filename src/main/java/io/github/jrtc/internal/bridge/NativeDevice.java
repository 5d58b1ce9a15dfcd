package io.github.jrtc.internal.bridge;

import io.github.jrtc.MediaDeviceKind;

/**
 * A device as the native layer reports it: {@code id} is its native descriptor (PulseAudio
 * source/sink name, V4L2 path), {@code label} its human-readable name.
 */
public record NativeDevice(MediaDeviceKind kind, String id, String label) {}

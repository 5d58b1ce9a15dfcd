package io.github.jrtc.internal.bridge;

import io.github.jrtc.RTCConfiguration;

/** How an RTCPeerConnection gets its native side; tests substitute a mock bridge here. */
public interface PeerConnectionBridgeFactory {
  /**
   * @param owner closed by the engine if it shuts down first
   */
  PeerConnectionBridge create(
      RTCConfiguration configuration, PeerConnectionBridgeObserver observer, AutoCloseable owner);

  /** The connection was closed; forget it. */
  default void release(AutoCloseable owner) {}
}

package io.github.jrtc.internal;

import io.github.jrtc.RTCConfiguration;

/** Opens connections on the shared {@link NativeEngine} and registers them for its shutdown. */
enum NativeEngineBridgeFactory implements PeerConnectionBridgeFactory {
  INSTANCE;

  @Override
  public PeerConnectionBridge create(
      RTCConfiguration configuration, PeerConnectionBridgeObserver observer, AutoCloseable owner) {
    NativeEngine engine = NativeEngine.shared();
    PeerConnectionBridge bridge = engine.createPeerConnection(configuration, observer);
    engine.own(owner);
    return bridge;
  }

  @Override
  public void release(AutoCloseable owner) {
    NativeEngine engine = NativeEngine.current();
    if (engine != null) {
      engine.disown(owner);
    }
  }
}

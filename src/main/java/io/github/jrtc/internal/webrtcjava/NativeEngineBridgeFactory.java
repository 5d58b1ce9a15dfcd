package io.github.jrtc.internal.webrtcjava;

import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeFactory;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeObserver;

/** Opens connections on the shared {@link NativeEngine} and registers them for its shutdown. */
public enum NativeEngineBridgeFactory implements PeerConnectionBridgeFactory {
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

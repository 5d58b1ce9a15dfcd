package io.github.jrtc.bench;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One raw webrtc-java peer. Its candidates go straight to the other peer's addIceCandidate, held
 * back until that peer has a remote description (webrtc-java silently drops them before).
 */
final class RawPeer implements PeerConnectionObserver {
  final RTCPeerConnection pc;
  private RawPeer other;
  private final Runnable onConnected;
  private final Consumer<RTCDataChannel> onDataChannel;
  private final List<RTCIceCandidate> pending = new ArrayList<>();
  private boolean remoteSet;

  RawPeer(PeerConnectionFactory factory, Runnable onConnected, Consumer<RTCDataChannel> onChannel) {
    this.onConnected = onConnected;
    this.onDataChannel = onChannel;
    this.pc = factory.createPeerConnection(new RTCConfiguration(), this);
  }

  void pairWith(RawPeer peer) {
    this.other = peer;
  }

  @Override
  public void onIceCandidate(RTCIceCandidate candidate) {
    other.addRemoteCandidate(candidate);
  }

  private void addRemoteCandidate(RTCIceCandidate candidate) {
    synchronized (pending) {
      if (!remoteSet) {
        pending.add(candidate);
        return;
      }
    }
    pc.addIceCandidate(candidate);
  }

  CompletableFuture<Void> setRemote(RTCSessionDescription d) {
    return RawFutures.setRemote(pc, d)
        .thenRun(
            () -> {
              List<RTCIceCandidate> held;
              synchronized (pending) {
                remoteSet = true;
                held = new ArrayList<>(pending);
                pending.clear();
              }
              held.forEach(pc::addIceCandidate);
            });
  }

  @Override
  public void onConnectionChange(RTCPeerConnectionState state) {
    if (state == RTCPeerConnectionState.CONNECTED) {
      onConnected.run();
    }
  }

  @Override
  public void onDataChannel(RTCDataChannel channel) {
    onDataChannel.accept(channel);
  }
}

package io.github.jrtc.internal.bridge;

import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCIceConnectionState;
import io.github.jrtc.RTCIceGatheringState;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.internal.sdp.Descriptions;

/**
 * Events from libwebrtc, already copied into jrtc types. Called on native threads: implementations
 * must only hand the event to their queue and return; the bridge catches anything they throw.
 */
public interface PeerConnectionBridgeObserver {
  /**
   * {@code descriptions}: the local descriptions taken with the candidate, on the signaling thread
   * (the remote ones are null: a candidate changes only the local side).
   */
  void onIceCandidate(RTCIceCandidateInit candidate, String url, Descriptions descriptions);

  void onIceCandidateError(String address, Integer port, String url, int code, String text);

  void onIceGatheringStateChange(RTCIceGatheringState state, Descriptions descriptions);

  void onIceConnectionStateChange(RTCIceConnectionState state);

  void onConnectionStateChange(RTCPeerConnectionState state);

  void onNegotiationNeeded();

  /** A remote in-band channel; its native observer is already registered. */
  void onDataChannel(DataChannelBridge channel);
}

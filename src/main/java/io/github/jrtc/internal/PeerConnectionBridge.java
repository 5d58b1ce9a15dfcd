package io.github.jrtc.internal;

import io.github.jrtc.RTCAnswerOptions;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCDataChannelInit;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCOfferOptions;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.RTCStatsReport;
import java.util.concurrent.CompletableFuture;

/**
 * What the spec machine ({@code io.github.jrtc.RTCPeerConnection}) needs from libwebrtc, in jrtc's
 * own types. The native implementation completes futures on native threads; the spec machine moves
 * every outcome onto its event queue. Unit tests mock this seam.
 */
public interface PeerConnectionBridge {
  CompletableFuture<RTCSessionDescriptionInit> createOffer(RTCOfferOptions options);

  CompletableFuture<RTCSessionDescriptionInit> createAnswer(RTCAnswerOptions options);

  /** Fails with an RTCError (sdp-syntax-error) for unparsable SDP, else as libwebrtc says. */
  CompletableFuture<Void> setLocalDescription(RTCSessionDescriptionInit description);

  CompletableFuture<Void> setRemoteDescription(RTCSessionDescriptionInit description);

  /** Synchronous; throws a DOMException when libwebrtc rejects the candidate. */
  void addIceCandidate(RTCIceCandidateInit candidate);

  /** The four descriptions as libwebrtc holds them now (with gathered candidates). */
  Descriptions descriptions();

  CompletableFuture<RTCStatsReport> getStats();

  /** Throws a DOMException when libwebrtc refuses the configuration. */
  void setConfiguration(RTCConfiguration configuration);

  void restartIce();

  /** Throws a DOMException when libwebrtc refuses the channel. */
  DataChannelBridge createDataChannel(String label, RTCDataChannelInit init);

  /** Idempotent. */
  void close();
}

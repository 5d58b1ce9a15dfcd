package io.github.jrtc.internal.bridge;

import io.github.jrtc.RTCAnswerOptions;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCDataChannelInit;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCOfferOptions;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.RTCStatsReport;
import io.github.jrtc.internal.sdp.Descriptions;
import java.util.concurrent.CompletableFuture;

/**
 * What the spec machine ({@code io.github.jrtc.RTCPeerConnection}) needs from libwebrtc, in jrtc's
 * own types. The native implementation completes futures on native threads; the spec machine moves
 * every outcome onto its event queue. Unit tests mock this seam.
 */
public interface PeerConnectionBridge {
  CompletableFuture<RTCSessionDescriptionInit> createOffer(RTCOfferOptions options);

  CompletableFuture<RTCSessionDescriptionInit> createAnswer(RTCAnswerOptions options);

  /**
   * Resolves the descriptions as they are right after this one was applied (read on libwebrtc's
   * signaling thread: reading them from any other thread races with libwebrtc and can crash). Fails
   * with an RTCError (sdp-syntax-error) for unparsable SDP, else as libwebrtc says.
   */
  CompletableFuture<Descriptions> setLocalDescription(RTCSessionDescriptionInit description);

  CompletableFuture<Descriptions> setRemoteDescription(RTCSessionDescriptionInit description);

  /**
   * Synchronous; throws a DOMException when libwebrtc rejects the candidate. The caller adds the
   * candidate to its own copy of the remote descriptions: reading them back from libwebrtc would
   * cost two more blocking calls onto the signaling thread per candidate.
   */
  void addIceCandidate(RTCIceCandidateInit candidate);

  CompletableFuture<RTCStatsReport> getStats();

  /** Throws a DOMException when libwebrtc refuses the configuration. */
  void setConfiguration(RTCConfiguration configuration);

  void restartIce();

  /** Throws a DOMException when libwebrtc refuses the channel. */
  DataChannelBridge createDataChannel(String label, RTCDataChannelInit init);

  /**
   * addTrack: libwebrtc reuses a fitting transceiver or creates one. Returns the transceiver the
   * new sender belongs to. Throws a DOMException when libwebrtc refuses.
   */
  TransceiverBridge addTrack(TrackSource track, java.util.List<String> streamIds);

  /** addTransceiver with a track or (track null) of a kind ("audio"/"video"). */
  TransceiverBridge addTransceiver(
      String kind,
      TrackSource track,
      io.github.jrtc.RTCRtpTransceiverDirection direction,
      java.util.List<String> streamIds,
      java.util.List<io.github.jrtc.RTCRtpEncodingParameters> sendEncodings);

  /** Throws a DOMException when libwebrtc refuses. */
  void removeTrack(TransceiverBridge transceiver);

  /** libwebrtc's current transceivers, in order; the same bridge object per native transceiver. */
  java.util.List<TransceiverBridge> transceivers();

  /** Idempotent. */
  void close();
}

package io.github.jrtc.internal.bridge;

import io.github.jrtc.RTCRtpCodec;
import io.github.jrtc.RTCRtpContributingSource;
import io.github.jrtc.RTCRtpParameters;
import io.github.jrtc.RTCRtpSendParameters;
import io.github.jrtc.RTCRtpSynchronizationSource;
import io.github.jrtc.RTCRtpTransceiverDirection;
import io.github.jrtc.RTCStatsReport;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One native transceiver with its sender and receiver, in jrtc types. {@link #key()} identifies the
 * native object (webrtc-java hands out a new wrapper per call). Every method throws
 * InvalidStateError once the engine is gone instead of touching freed memory. Calls that
 * webrtc-java turns into a JVM abort on failure (setDirection, stop) must be pre-validated by the
 * caller.
 */
public interface TransceiverBridge {
  long key();

  /** "audio" or "video". */
  String kind();

  String mid();

  RTCRtpTransceiverDirection direction();

  void setDirection(RTCRtpTransceiverDirection direction);

  RTCRtpTransceiverDirection currentDirection();

  void stop();

  boolean stopped();

  /** Empty list resets to the default order. Throws a DOMException when libwebrtc refuses. */
  void setCodecPreferences(List<RTCRtpCodec> codecs);

  /** The receiver's track (created with the transceiver, owned by it). */
  TrackSource receiverTrack();

  /** Null detaches the track. Returns false when libwebrtc refused. */
  boolean replaceTrack(TrackSource track);

  void setStreams(List<String> streamIds);

  RTCRtpSendParameters getParameters();

  /** Throws a DOMException when libwebrtc refuses. */
  void setParameters(RTCRtpSendParameters parameters);

  RTCRtpParameters receiverParameters();

  CompletableFuture<RTCStatsReport> senderStats();

  CompletableFuture<RTCStatsReport> receiverStats();

  List<RTCRtpContributingSource> contributingSources();

  List<RTCRtpSynchronizationSource> synchronizationSources();

  /** libwebrtc's DtmfSender::CanInsertDtmf (audio, sending, telephone-event negotiated). */
  boolean canInsertDtmf();

  /**
   * Replaces libwebrtc's tone queue; false when it refused. Tone changes (tone, remaining tones; ""
   * for the end) come on a native thread, at most one observer per sender.
   */
  boolean insertDtmf(
      String tones,
      int durationMs,
      int interToneGapMs,
      java.util.function.BiConsumer<String, String> onToneChange);

  /** The sender's DTLS transport, or null before libwebrtc created one. */
  DtlsTransportBridge senderTransport();

  /** The receiver's DTLS transport, or null before libwebrtc created one. */
  DtlsTransportBridge receiverTransport();
}

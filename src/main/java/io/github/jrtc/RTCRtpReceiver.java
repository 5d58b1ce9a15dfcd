package io.github.jrtc;

import io.github.jrtc.internal.bridge.TransceiverBridge;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.NativeRtp;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The receiving half of a transceiver, as MDN documents {@code RTCRtpReceiver}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver">MDN</a>.
 */
public final class RTCRtpReceiver {
  private final RTCPeerConnection pc;
  private final TransceiverBridge bridge;
  private final MediaStreamTrack track;
  private volatile RTCDtlsTransport transport;

  RTCRtpReceiver(RTCPeerConnection pc, TransceiverBridge bridge, MediaStreamTrack track) {
    this.pc = pc;
    this.bridge = bridge;
    this.track = track;
  }

  /**
   * The DTLS transport the media comes over; null until a description created one.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/transport">MDN</a>.
   *
   * @return the transport, or null
   */
  public RTCDtlsTransport transport() {
    return pc.transportsInternal().exposed(transport);
  }

  void transport(RTCDtlsTransport t) {
    this.transport = t;
  }

  /**
   * The remote track; muted until media arrives, ended when the transceiver stops.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/track">MDN</a>.
   *
   * @return the track
   */
  public MediaStreamTrack track() {
    return track;
  }

  /**
   * What the receiver can decode for "audio" or "video"; null for any other kind.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/getCapabilities_static">MDN</a>.
   *
   * @param kind "audio" or "video"
   * @return the codecs and header extensions, or null
   */
  public static RTCRtpCapabilities getCapabilities(String kind) {
    if (!"audio".equals(kind) && !"video".equals(kind)) {
      return null;
    }
    return NativeRtp.capabilities(kind, false);
  }

  /**
   * The parameters the receiver decodes with: codecs, header extensions, RTCP.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/getParameters">MDN</a>.
   *
   * @return the parameters (empty once the connection is closed)
   */
  public RTCRtpParameters getParameters() {
    if (pc.isClosedInternal()) {
      return new RTCRtpParameters(List.of(), new RTCRtcpParameters("", true), List.of());
    }
    return bridge.receiverParameters();
  }

  /**
   * Stats for this receiver's inbound stream and what it references.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/getStats">MDN</a>.
   *
   * @return the stats report
   */
  public CompletableFuture<RTCStatsReport> getStats() {
    if (pc.isClosedInternal()) {
      return pc.rejectOnQueue(Errors.invalidState("The RTCPeerConnection is closed"));
    }
    return pc.completeOnQueue(bridge.receiverStats());
  }

  /**
   * The CSRCs seen by this receiver in the last 10 s.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/getContributingSources">MDN</a>.
   *
   * @return an unmodifiable list
   */
  public List<RTCRtpContributingSource> getContributingSources() {
    return pc.isClosedInternal() ? List.of() : List.copyOf(bridge.contributingSources());
  }

  /**
   * The SSRCs seen by this receiver in the last 10 s.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpReceiver/getSynchronizationSources">MDN</a>.
   *
   * @return an unmodifiable list
   */
  public List<RTCRtpSynchronizationSource> getSynchronizationSources() {
    return pc.isClosedInternal() ? List.of() : List.copyOf(bridge.synchronizationSources());
  }

  @Override
  public String toString() {
    return "RTCRtpReceiver[" + track + "]";
  }
}

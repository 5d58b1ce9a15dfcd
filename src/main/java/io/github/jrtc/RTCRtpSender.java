package io.github.jrtc;

import io.github.jrtc.internal.bridge.TransceiverBridge;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.NativeRtp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The sending half of a transceiver, as MDN documents {@code RTCRtpSender}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender">MDN</a>.
 */
public final class RTCRtpSender {
  private final RTCPeerConnection pc;
  private final TransceiverBridge bridge;
  private volatile RTCRtpTransceiver transceiver;
  private volatile MediaStreamTrack track;
  private volatile List<String> streamIds = List.of();
  private volatile RTCRtpSendParameters lastReturned;
  private volatile RTCDtlsTransport transport;
  private volatile RTCDTMFSender dtmf;

  RTCRtpSender(RTCPeerConnection pc, TransceiverBridge bridge) {
    this.pc = pc;
    this.bridge = bridge;
  }

  void transceiver(RTCRtpTransceiver t) {
    this.transceiver = t;
  }

  RTCRtpTransceiver transceiver() {
    return transceiver;
  }

  /**
   * The DTLS transport the media goes over: null until a description created one (after
   * setLocalDescription of an offer, or setRemoteDescription).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/transport">MDN</a>.
   *
   * @return the transport, or null
   */
  public RTCDtlsTransport transport() {
    return pc.transportsInternal().exposed(transport);
  }

  void transport(RTCDtlsTransport t) {
    this.transport = t;
  }

  /** The transport without counting as handed to the application. */
  RTCDtlsTransport transportInternal() {
    return transport;
  }

  /**
   * The DTMF sender of an audio sender (the same object every time); null for video.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/dtmf">MDN</a>.
   *
   * @return the DTMF sender, or null for video
   */
  public RTCDTMFSender dtmf() {
    RTCRtpTransceiver t = transceiver;
    if (t == null || !"audio".equals(t.kind())) {
      return null;
    }
    RTCDTMFSender d = dtmf;
    if (d == null) {
      synchronized (this) {
        if (dtmf == null) {
          dtmf = new RTCDTMFSender(pc, this, bridge);
        }
        d = dtmf;
      }
    }
    return d;
  }

  /**
   * The track being sent, or null.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/track">MDN</a>.
   *
   * @return the track, or null
   */
  public MediaStreamTrack track() {
    return track;
  }

  void track(MediaStreamTrack t) {
    this.track = t;
  }

  List<String> streamIds() {
    return streamIds;
  }

  void streamIds(List<String> ids) {
    this.streamIds = List.copyOf(ids);
  }

  /**
   * What the sender can encode for "audio" or "video"; null for any other kind.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getCapabilities_static">MDN</a>.
   *
   * @param kind "audio" or "video"
   * @return the codecs and header extensions, or null
   */
  public static RTCRtpCapabilities getCapabilities(String kind) {
    if (!"audio".equals(kind) && !"video".equals(kind)) {
      return null;
    }
    return NativeRtp.capabilities(kind, true);
  }

  /**
   * Sends {@code withTrack} instead (null: send nothing) without renegotiation. Chained on the
   * connection's operations chain. TypeError for a track of the other kind, InvalidStateError when
   * the connection is closed or the transceiver stopping.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/replaceTrack">MDN</a>.
   *
   * @param withTrack the new track, or null
   * @return completes once the new track is sent
   */
  public CompletableFuture<Void> replaceTrack(MediaStreamTrack withTrack) {
    RTCRtpTransceiver t = transceiver;
    if (withTrack != null && !withTrack.kind().equals(t.kind())) {
      return pc.rejectOnQueue(
          new TypeError(
              "Cannot replace a " + t.kind() + " track with a " + withTrack.kind() + " one"));
    }
    return pc.chainOperation(
        "replaceTrack",
        () -> {
          if (t.stoppingInternal()) {
            return CompletableFuture.failedFuture(
                Errors.invalidState("The transceiver is stopping"));
          }
          if (withTrack == track) {
            return CompletableFuture.completedFuture(null);
          }
          if (!bridge.replaceTrack(withTrack == null ? null : withTrack.source())) {
            return CompletableFuture.failedFuture(
                Errors.invalidModification("libwebrtc refused the track"));
          }
          track = withTrack;
          return CompletableFuture.completedFuture(null);
        });
  }

  /**
   * Sets the streams the track is announced in (msid) at the next negotiation.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/setStreams">MDN</a>.
   *
   * @param streams the streams
   */
  public void setStreams(MediaStream... streams) {
    if (pc.isClosedInternal()) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    List<String> ids = new ArrayList<>();
    for (MediaStream s : streams) {
      if (!ids.contains(s.id())) {
        ids.add(s.id());
      }
    }
    pc.noteChange();
    bridge.setStreams(ids);
    streamIds = List.copyOf(ids);
    pc.negotiationChanged();
  }

  /**
   * The current parameters; pass them (changed) to {@link #setParameters} in the same task.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getParameters">MDN</a>.
   *
   * @return the parameters (empty once closed or stopped)
   */
  public RTCRtpSendParameters getParameters() {
    if (pc.isClosedInternal() || transceiver.stoppedInternal()) {
      RTCRtpSendParameters empty =
          new RTCRtpSendParameters(
              "", List.of(), List.of(), new RTCRtcpParameters("", true), List.of());
      return empty;
    }
    RTCRtpSendParameters p = bridge.getParameters();
    lastReturned = p;
    return p;
  }

  /**
   * Changes encoding parameters (active, maxBitrate, maxFramerate, scaleResolutionDownBy).
   * InvalidStateError without a preceding getParameters or when closed/stopping;
   * InvalidModificationError when the transactionId, the number of encodings, codecs, header
   * extensions or rtcp differ from what getParameters returned. Not chained.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/setParameters">MDN</a>.
   *
   * @param parameters the parameters getParameters returned, changed
   * @return completes once applied
   */
  public CompletableFuture<Void> setParameters(RTCRtpSendParameters parameters) {
    if (parameters == null) {
      return pc.rejectOnQueue(new TypeError("setParameters needs parameters"));
    }
    if (pc.isClosedInternal() || transceiver.stoppingInternal()) {
      return pc.rejectOnQueue(Errors.invalidState("The sender cannot change any more"));
    }
    RTCRtpSendParameters last = lastReturned;
    if (last == null) {
      return pc.rejectOnQueue(
          Errors.invalidState("setParameters needs the result of getParameters first"));
    }
    if (!last.transactionId().equals(parameters.transactionId())
        || last.encodings().size() != parameters.encodings().size()
        || !last.codecs().equals(parameters.codecs())
        || !last.headerExtensions().equals(parameters.headerExtensions())
        || !last.rtcp().equals(parameters.rtcp())) {
      return pc.rejectOnQueue(
          Errors.invalidModification(
              "Only encoding parameters of the last getParameters may change"));
    }
    for (RTCRtpEncodingParameters e : parameters.encodings()) {
      if (e.scaleResolutionDownBy() != null && e.scaleResolutionDownBy() < 1.0) {
        return pc.rejectOnQueue(
            new DOMException("scaleResolutionDownBy must be >= 1", "RangeError"));
      }
      if (e.maxFramerate() != null && e.maxFramerate() < 0) {
        return pc.rejectOnQueue(new DOMException("maxFramerate must be >= 0", "RangeError"));
      }
    }
    lastReturned = null;
    try {
      bridge.setParameters(parameters);
    } catch (DOMException e) {
      return pc.rejectOnQueue(e);
    }
    return pc.completeOnQueue(CompletableFuture.completedFuture(null));
  }

  /**
   * Stats for this sender's outbound stream and what it references.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCRtpSender/getStats">MDN</a>.
   *
   * @return the stats report
   */
  public CompletableFuture<RTCStatsReport> getStats() {
    if (pc.isClosedInternal()) {
      return pc.rejectOnQueue(Errors.invalidState("The RTCPeerConnection is closed"));
    }
    return pc.completeOnQueue(bridge.senderStats());
  }

  @Override
  public String toString() {
    return "RTCRtpSender[" + track + "]";
  }
}

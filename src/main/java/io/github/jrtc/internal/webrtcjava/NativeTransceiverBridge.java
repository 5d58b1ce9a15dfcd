package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpCodecCapability;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import io.github.jrtc.RTCRtpCodec;
import io.github.jrtc.RTCRtpContributingSource;
import io.github.jrtc.RTCRtpEncodingParameters;
import io.github.jrtc.RTCRtpParameters;
import io.github.jrtc.RTCRtpSendParameters;
import io.github.jrtc.RTCRtpSynchronizationSource;
import io.github.jrtc.RTCRtpTransceiverDirection;
import io.github.jrtc.RTCStatsReport;
import io.github.jrtc.internal.bridge.DtlsTransportBridge;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.bridge.TransceiverBridge;
import io.github.jrtc.internal.jni.NativeCallbacks;
import io.github.jrtc.internal.spec.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@link TransceiverBridge} over webrtc-java. Its wrappers of a connection's transceivers, senders
 * and receivers hold plain pointers (only addTrack's sender and addTransceiver's transceiver come
 * with a reference, which {@link NativeReference} gives back at close): they are valid while the
 * connection lives, so every call goes through the connection's use guard, retired before its
 * native close, and checks that the engine is not disposed (a call after either is a SIGSEGV).
 */
final class NativeTransceiverBridge implements TransceiverBridge {
  private final NativeEngine engine;
  // The connection's guard: retired before its native close and release.
  private final NativeUseGuard use;
  private final RTCPeerConnection pc;
  private final RTCRtpTransceiver transceiver;
  private final RTCRtpSender sender;
  private final RTCRtpReceiver receiver;
  private final long key;
  private final String kind;
  private final TrackSource receiverTrack;
  private final List<NativeDtlsTransportBridge> observedTransports = new ArrayList<>();
  // Created on first use; libwebrtc's AudioRtpSender owns the native object for its lifetime.
  private dev.onvoid.webrtc.RTCDtmfSender dtmf;
  private final java.util.concurrent.atomic.AtomicReference<
          java.util.function.BiConsumer<String, String>>
      toneObserver = new java.util.concurrent.atomic.AtomicReference<>();

  NativeTransceiverBridge(
      NativeEngine engine, RTCPeerConnection pc, NativeUseGuard use, RTCRtpTransceiver t) {
    this.engine = engine;
    this.use = use;
    this.pc = pc;
    this.transceiver = t;
    this.key = NativeRtp.handleOf(t);
    this.sender = t.getSender();
    this.receiver = t.getReceiver();
    dev.onvoid.webrtc.media.MediaStreamTrack track = receiver.getTrack();
    this.kind = track.getKind();
    this.receiverTrack = NativeMedia.remote(engine, track);
  }

  long senderKey() {
    return NativeRtp.handleOf(sender);
  }

  /**
   * Runs one native call under the engine's lock and the connection's use guard: once the
   * connection closed (and may have released its native side) or the engine was disposed, every
   * call is an InvalidStateError instead of a use of freed memory.
   */
  private <T> T guarded(java.util.function.Supplier<T> body) {
    return use.callWhileEngineAlive(engine, body);
  }

  private void run(Runnable body) {
    guarded(
        () -> {
          body.run();
          return null;
        });
  }

  @Override
  public long key() {
    return key;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String mid() {
    return guarded(
        () -> {
          return transceiver.getMid();
        });
  }

  @Override
  public RTCRtpTransceiverDirection direction() {
    return guarded(
        () -> {
          return NativeRtp.fromNative(transceiver.getDirection());
        });
  }

  @Override
  public void setDirection(RTCRtpTransceiverDirection direction) {
    run(
        () -> {
          transceiver.setDirection(NativeRtp.toNative(direction));
        });
  }

  @Override
  public RTCRtpTransceiverDirection currentDirection() {
    return guarded(
        () -> {
          return NativeRtp.fromNative(transceiver.getCurrentDirection());
        });
  }

  @Override
  public void stop() {
    run(
        () -> {
          AudioPump.notWhilePushing(transceiver::stop);
        });
  }

  @Override
  public boolean stopped() {
    return guarded(
        () -> {
          return transceiver.stopped();
        });
  }

  @Override
  public void setCodecPreferences(List<RTCRtpCodec> codecs) {
    List<RTCRtpCodecCapability> n = new ArrayList<>();
    for (RTCRtpCodec c : codecs) {
      n.add(NativeRtp.toNative(kind, c));
    }
    run(
        () -> {
          try {
            transceiver.setCodecPreferences(n);
          } catch (RuntimeException | Error e) {
            throw Errors.invalidModification(String.valueOf(e.getMessage()));
          }
        });
  }

  @Override
  public TrackSource receiverTrack() {
    return receiverTrack;
  }

  @Override
  public boolean replaceTrack(TrackSource track) {
    return guarded(
        () -> {
          try {
            dev.onvoid.webrtc.media.MediaStreamTrack nt =
                track == null ? null : track.nativeTrack();
            AudioPump.notWhilePushing(() -> sender.replaceTrack(nt));
            return true;
          } catch (RuntimeException | Error e) {
            return false;
          }
        });
  }

  @Override
  public void setStreams(List<String> streamIds) {
    run(
        () -> {
          sender.setStreams(streamIds);
        });
  }

  @Override
  public RTCRtpSendParameters getParameters() {
    return guarded(
        () -> {
          dev.onvoid.webrtc.RTCRtpSendParameters p = sender.getParameters();
          List<RTCRtpEncodingParameters> enc = new ArrayList<>();
          if (p.encodings != null) {
            p.encodings.forEach(e -> enc.add(NativeRtp.fromNative(e)));
          }
          return new RTCRtpSendParameters(
              p.transactionId,
              enc,
              NativeRtp.extensions(p.headerExtensions),
              NativeRtp.rtcp(p.rtcp),
              NativeRtp.codecs(p.codecs));
        });
  }

  @Override
  public void setParameters(RTCRtpSendParameters parameters) {
    run(
        () -> {
          // A fresh native transaction; the spec's transaction checks were done in Java.
          dev.onvoid.webrtc.RTCRtpSendParameters p = sender.getParameters();
          if (p.encodings != null) {
            for (int i = 0; i < p.encodings.size() && i < parameters.encodings().size(); i++) {
              NativeRtp.copyInto(parameters.encodings().get(i), p.encodings.get(i));
            }
          }
          try {
            sender.setParameters(p);
          } catch (RuntimeException | Error e) {
            throw Errors.fromNative(e.getMessage());
          }
        });
  }

  @Override
  public RTCRtpParameters receiverParameters() {
    return guarded(
        () -> {
          dev.onvoid.webrtc.RTCRtpParameters p = receiver.getParameters();
          return new RTCRtpParameters(
              NativeRtp.extensions(p.headerExtensions),
              NativeRtp.rtcp(p.rtcp),
              NativeRtp.codecs(p.codecs));
        });
  }

  @Override
  public CompletableFuture<RTCStatsReport> senderStats() {
    CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
    run(
        () -> {
          pc.getStats(
              sender,
              report ->
                  NativeCallbacks.guard(
                      "getStats(sender)", () -> f.complete(NativeConversions.fromNative(report))));
        });
    return f;
  }

  @Override
  public CompletableFuture<RTCStatsReport> receiverStats() {
    CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
    run(
        () -> {
          pc.getStats(
              receiver,
              report ->
                  NativeCallbacks.guard(
                      "getStats(receiver)",
                      () -> f.complete(NativeConversions.fromNative(report))));
        });
    return f;
  }

  @Override
  public List<RTCRtpContributingSource> contributingSources() {
    List<RTCRtpContributingSource> out = new ArrayList<>();
    run(
        () -> {
          for (var s : receiver.getContributingSources()) {
            out.add(
                new RTCRtpContributingSource(
                    s.timestamp,
                    s.sourceId,
                    kind.equals("audio") ? s.audioLevel : null,
                    s.rtpTimestamp));
          }
        });
    return out;
  }

  @Override
  public List<RTCRtpSynchronizationSource> synchronizationSources() {
    List<RTCRtpSynchronizationSource> out = new ArrayList<>();
    run(
        () -> {
          for (var s : receiver.getSynchronizationSources()) {
            boolean audio = kind.equals("audio");
            out.add(
                new RTCRtpSynchronizationSource(
                    s.timestamp,
                    s.sourceId,
                    audio ? s.audioLevel : null,
                    s.rtpTimestamp,
                    audio ? s.voiceActivityFlag : null));
          }
        });
    return out;
  }

  private dev.onvoid.webrtc.RTCDtmfSender dtmf() {
    if (dtmf == null && kind.equals("audio")) {
      dtmf = sender.getDtmfSender();
      if (dtmf != null) {
        // One native observer that forwards to whatever is current: the native side keeps a
        // global reference to it forever, so it must not pin the connection.
        java.util.concurrent.atomic.AtomicReference<java.util.function.BiConsumer<String, String>>
            target = toneObserver;
        dtmf.registerObserver(
            (tone, buffer) ->
                NativeCallbacks.guard(
                    "tonechange",
                    () -> {
                      var o = target.get();
                      if (o != null) {
                        o.accept(tone == null ? "" : tone, buffer == null ? "" : buffer);
                      }
                    }));
      }
    }
    return dtmf;
  }

  @Override
  public boolean canInsertDtmf() {
    return guarded(
        () -> {
          var d = dtmf();
          return d != null && d.canInsertDtmf();
        });
  }

  @Override
  public boolean insertDtmf(
      String tones,
      int durationMs,
      int interToneGapMs,
      java.util.function.BiConsumer<String, String> onToneChange) {
    return guarded(
        () -> {
          var d = dtmf();
          if (d == null) {
            return false;
          }
          toneObserver.set(onToneChange);
          return d.insertDtmf(tones, durationMs, interToneGapMs);
        });
  }

  /** Drops the Java observer the native side still references (the connection is closing). */
  void forgetObservers() {
    toneObserver.set(null);
    synchronized (observedTransports) {
      observedTransports.forEach(NativeDtlsTransportBridge::forget);
      observedTransports.clear();
    }
  }

  @Override
  public DtlsTransportBridge senderTransport() {
    return guarded(
        () -> NativeDtlsTransportBridge.of(engine, use, sender.getTransport(), observedTransports));
  }

  @Override
  public DtlsTransportBridge receiverTransport() {
    return guarded(
        () ->
            NativeDtlsTransportBridge.of(engine, use, receiver.getTransport(), observedTransports));
  }
}

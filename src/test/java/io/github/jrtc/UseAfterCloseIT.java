package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.internal.jni.NativeAudioGuard;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every public method of a connection and of its data channels, called after close() and after the
 * engine's shutdown, gets the spec's answer (AfterCloseMatrix): never a crash, NPE or hang.
 */
class UseAfterCloseIT {
  private static final long T = 20;

  private record Pair(
      RTCPeerConnection a, RTCPeerConnection b, RTCDataChannel local, RTCDataChannel remote) {}

  private static Pair connected() throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    Peers.trickle(a, b);
    CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
    b.ondatachannel(e -> e.channel().onopen(ev -> remote.complete(e.channel())));
    // Media too, so that the transports are libwebrtc's (a data-only one is derived in Java).
    a.addTransceiver("audio");
    RTCDataChannel local = a.createDataChannel("matrix");
    CompletableFuture<Void> localOpen = new CompletableFuture<>();
    local.onopen(e -> localOpen.complete(null));
    Peers.negotiate(a, b).get(T, TimeUnit.SECONDS);
    localOpen.get(T, TimeUnit.SECONDS);
    return new Pair(a, b, local, remote.get(T, TimeUnit.SECONDS));
  }

  @Test
  void everyMethodAfterCloseAndAfterEngineShutdown() throws Exception {
    String offer;
    try (RTCPeerConnection o = new RTCPeerConnection()) {
      o.createDataChannel("x");
      offer = o.createOffer().get(T, TimeUnit.SECONDS).sdp();
    }
    AfterCloseMatrix matrix = new AfterCloseMatrix(offer);
    // Arguments that need a live connection: a track and a sender owned by another connection.
    RTCPeerConnection live = new RTCPeerConnection();
    RTCRtpTransceiver liveTransceiver = live.addTransceiver("audio");
    matrix
        .with(MediaStreamTrack.class, liveTransceiver.receiver().track())
        .with(RTCRtpSender.class, liveTransceiver.sender())
        .with(RTCRtpSendParameters.class, liveTransceiver.sender().getParameters());

    // 1. The connection closed by the application: its channel, and the peer's channel whose
    // connection is still open but whose remote end went away.
    Pair p = connected();
    // Audio, as the live track handed to replaceTrack: a kind mismatch is a TypeError first.
    RTCRtpTransceiver media = p.a().addTransceiver("audio");
    RTCRtpTransceiver negotiated = p.a().getTransceivers().get(0);
    RTCSctpTransport sctp = p.a().sctp();
    RTCDtlsTransport dtls = negotiated.sender().transport();
    assertThat(sctp).isNotNull();
    assertThat(dtls).isNotNull().isSameAs(sctp.transport());
    p.a().close();
    matrix.callAll(RTCDTMFSender.class, negotiated.sender().dtmf(), "dtmf after close");
    matrix.callAll(RTCDTMFSender.class, media.sender().dtmf(), "unnegotiated dtmf after close");
    matrix.callAll(RTCDtlsTransport.class, dtls, "dtls transport after close");
    matrix.callAll(RTCIceTransport.class, dtls.iceTransport(), "ice transport after close");
    matrix.callAll(RTCSctpTransport.class, sctp, "sctp transport after close");
    assertThat(p.a().signalingState()).isEqualTo(RTCSignalingState.CLOSED);
    assertThat(p.a().connectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
    assertThat(p.local().readyState()).isEqualTo(RTCDataChannelState.CLOSED);
    matrix.callAll(RTCPeerConnection.class, p.a(), "after close");
    matrix.callAll(RTCDataChannel.class, p.local(), "channel after its connection's close");
    matrix.callAll(RTCRtpTransceiver.class, media, "transceiver after its connection's close");
    matrix.callAll(RTCRtpSender.class, media.sender(), "sender after its connection's close");
    matrix.callAll(RTCRtpReceiver.class, media.receiver(), "receiver after its connection's close");
    matrix.callAll(
        MediaStreamTrack.class, media.receiver().track(), "remote track after connection close");
    p.remote().close();
    matrix.callAll(RTCDataChannel.class, p.remote(), "channel after its own close");
    p.b().close();

    // 2. A channel closed by itself, its connection still open, then the connection closed.
    Pair q = connected();
    q.local().close();
    q.a().close();
    q.b().close();
    matrix.callAll(RTCDataChannel.class, q.local(), "channel closed before its connection");

    // 3. Engine shutdown with live, connected peers: it closes them; then everything is called.
    Pair s = connected();
    RTCRtpTransceiver shutMedia = s.a().addTransceiver("audio");
    RTCRtpSender shutSender = s.a().getTransceivers().get(0).sender();
    live.close();
    NativeEngine.shutdownShared();
    // The factory and the module's dispose() each dropped their reference on the audio guard.
    assertThat(NativeAudioGuard.liveWrappers()).as("audio guard wrappers alive").isZero();
    assertThat(s.a().signalingState()).isEqualTo(RTCSignalingState.CLOSED);
    matrix.callAll(RTCPeerConnection.class, s.a(), "after engine shutdown");
    matrix.callAll(RTCPeerConnection.class, s.b(), "after engine shutdown");
    matrix.callAll(RTCDataChannel.class, s.local(), "channel after engine shutdown");
    matrix.callAll(RTCDataChannel.class, s.remote(), "channel after engine shutdown");
    matrix.callAll(RTCRtpTransceiver.class, shutMedia, "transceiver after engine shutdown");
    matrix.callAll(RTCRtpSender.class, shutMedia.sender(), "sender after engine shutdown");
    matrix.callAll(RTCDTMFSender.class, shutSender.dtmf(), "dtmf after engine shutdown");
    matrix.callAll(RTCDtlsTransport.class, shutSender.transport(), "dtls after engine shutdown");
    matrix.callAll(RTCSctpTransport.class, s.a().sctp(), "sctp after engine shutdown");
    matrix.callAll(RTCRtpReceiver.class, shutMedia.receiver(), "receiver after engine shutdown");
    matrix.callAll(
        MediaStreamTrack.class, shutMedia.receiver().track(), "track after engine shutdown");
    NativeEngine.shutdownShared(); // idempotent

    // The engine comes back on demand and works.
    Pair again = connected();
    again.local().send("still works");
    again.a().close();
    again.b().close();

    ReliabilityReport.row(
        "use-after-close (pc, channel, engine)",
        matrix.calls(),
        matrix.failures().size(),
        "every public method of pc, channel, transceiver, sender, receiver, track");
    assertThat(matrix.failures()).isEmpty();
  }
}

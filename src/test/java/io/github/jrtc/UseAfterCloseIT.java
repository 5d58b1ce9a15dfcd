package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jrtc.internal.jni.NativeAudioGuard;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every public method of a connection and of its data channels, called after close() and after the
 * engine's shutdown, gets the spec's answer (AfterCloseMatrix): never a crash, NPE or hang.
 */
class UseAfterCloseIT {
  private static final long T = 20;

  /**
   * Two connected peers with an open channel pair and a second channel, {@code marker}, whose
   * messages tell the far side that everything sent before them has been delivered.
   */
  private record Pair(
      RTCPeerConnection a,
      RTCPeerConnection b,
      RTCDataChannel local,
      RTCDataChannel remote,
      RTCDataChannel marker,
      FarSide far) {}

  /** What arrived at b: the messages on {@code remote} and on the marker channel, and its close. */
  private record FarSide(
      List<Object> received,
      LinkedBlockingQueue<Object> markers,
      CompletableFuture<Void> remoteClosed) {

    /** Sends a marker from a and waits until b has it: all sent before it on a has arrived. */
    void flush(RTCDataChannel marker, String name) throws Exception {
      marker.send(name);
      assertThat(markers.poll(T, TimeUnit.SECONDS)).as("marker " + name).isEqualTo(name);
    }
  }

  private static Pair connected() throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    Peers.trickle(a, b);
    FarSide far =
        new FarSide(
            new CopyOnWriteArrayList<>(), new LinkedBlockingQueue<>(), new CompletableFuture<>());
    CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
    CompletableFuture<Void> markerOpen = new CompletableFuture<>();
    b.ondatachannel(
        e -> {
          RTCDataChannel ch = e.channel();
          if (ch.label().equals("marker")) {
            ch.onmessage(m -> far.markers().add(m.data()));
            ch.onopen(ev -> markerOpen.complete(null));
          } else {
            ch.onmessage(m -> far.received().add(m.data()));
            ch.onclose(ev -> far.remoteClosed().complete(null));
            ch.onopen(ev -> remote.complete(ch));
          }
        });
    // Media too, so that the transports are libwebrtc's (a data-only one is derived in Java).
    a.addTransceiver("audio");
    RTCDataChannel local = a.createDataChannel("matrix");
    RTCDataChannel marker = a.createDataChannel("marker");
    CompletableFuture<Void> localOpen = new CompletableFuture<>();
    local.onopen(e -> localOpen.complete(null));
    // Each side's channel opens in a task of its own connection: b's marker being open says
    // nothing about a's (seen at load 18: a's marker still "connecting" when the test sent).
    CompletableFuture<Void> localMarkerOpen = new CompletableFuture<>();
    marker.onopen(e -> localMarkerOpen.complete(null));
    Peers.negotiate(a, b).get(T, TimeUnit.SECONDS);
    localOpen.get(T, TimeUnit.SECONDS);
    localMarkerOpen.get(T, TimeUnit.SECONDS);
    markerOpen.get(T, TimeUnit.SECONDS);
    return new Pair(a, b, local, remote.get(T, TimeUnit.SECONDS), marker, far);
  }

  /** Sends one message on the open channel and waits until the far side has it. */
  private static void sendBeforeClose(Pair p) throws Exception {
    p.local().send("before close");
    p.far().flush(p.marker(), "sent before close");
    assertThat(p.far().received()).as("far side before close").containsExactly("before close");
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
    sendBeforeClose(p);
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
    // The far side: its channel closes (a's connection went away) with nothing more received.
    p.far().remoteClosed().get(T, TimeUnit.SECONDS);
    assertThat(p.far().received()).as("far side after close").containsExactly("before close");
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
    sendBeforeClose(q);
    q.local().close();
    q.far().remoteClosed().get(T, TimeUnit.SECONDS);
    for (Runnable send :
        List.<Runnable>of(
            () -> q.local().send("after close"),
            () -> q.local().send(new byte[] {1}),
            () -> q.local().send(ByteBuffer.wrap(new byte[] {2})))) {
      assertThatThrownBy(send::run)
          .isInstanceOfSatisfying(
              DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidStateError"));
    }
    // Its connection is still open: had a send gone out, it would be here before the marker.
    q.far().flush(q.marker(), "sent after close");
    assertThat(q.far().received()).as("far side after close").containsExactly("before close");
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
    again.far().flush(again.marker(), "after the engine came back");
    assertThat(again.far().received()).containsExactly("still works");
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

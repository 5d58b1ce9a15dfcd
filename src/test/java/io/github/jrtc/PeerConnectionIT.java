package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real in-process peers over libwebrtc, inside the test network namespace. */
class PeerConnectionIT {
  private final RTCPeerConnection a = new RTCPeerConnection();
  private final RTCPeerConnection b = new RTCPeerConnection();

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  @Test
  void trickleConnectAndExchangeDataChannelMessages() throws Exception {
    List<String> aEvents = new CopyOnWriteArrayList<>();
    // The SLD promise, once the thread that called setLocalDescription has it: a handler checks
    // whether it had settled. (Recording "sld-resolved" from a callback attached by the test
    // thread raced: under load the whole SLD could settle before the callback was attached.)
    CompletableFuture<CompletableFuture<Void>> sld = new CompletableFuture<>();
    List<String> beforeSld = new CopyOnWriteArrayList<>();
    a.onconnectionstatechange(e -> aEvents.add("connection:" + a.connectionState()));
    a.onicegatheringstatechange(
        e -> {
          aEvents.add("gathering:" + a.iceGatheringState());
          if (!sld.join().isDone()) {
            beforeSld.add("gathering:" + a.iceGatheringState());
          }
        });
    Peers.trickle(a, b);
    a.addEventListener(
        "icecandidate",
        (RTCPeerConnectionIceEvent e) -> {
          aEvents.add("icecandidate");
          if (!sld.join().isDone()) {
            beforeSld.add("icecandidate");
          }
        });

    CompletableFuture<RTCDataChannel> remote = new CompletableFuture<>();
    b.ondatachannel(e -> remote.complete(e.channel()));
    RTCDataChannel chat = a.createDataChannel("chat");
    assertThat(chat.readyState()).isEqualTo(RTCDataChannelState.CONNECTING);
    assertThat(chat.id()).isNull();
    CompletableFuture<Void> opened = new CompletableFuture<>();
    chat.onopen(e -> opened.complete(null));
    CompletableFuture<Object> fromA = new CompletableFuture<>();
    CompletableFuture<Object> fromB = new CompletableFuture<>();
    chat.onmessage(e -> fromB.complete(e.data()));

    a.createOffer()
        .thenCompose(
            offer -> {
              CompletableFuture<Void> p = a.setLocalDescription(offer);
              sld.complete(p);
              return p;
            })
        .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
        .thenCompose(v -> b.createAnswer())
        .thenCompose(b::setLocalDescription)
        .thenCompose(v -> a.setRemoteDescription(b.localDescription()))
        .get(10, TimeUnit.SECONDS);
    // libwebrtc gathers before its SLD callback; the spec surfaces candidates after SLD resolves.
    assertThat(beforeSld).as("events before SLD resolved, of %s", aEvents).isEmpty();
    assertThat(a.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    assertThat(b.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    assertThat(a.currentLocalDescription().type()).isEqualTo(RTCSdpType.OFFER);
    assertThat(a.currentRemoteDescription().type()).isEqualTo(RTCSdpType.ANSWER);
    assertThat(b.canTrickleIceCandidates()).isTrue();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                a.connectionState() == RTCPeerConnectionState.CONNECTED
                    && b.connectionState() == RTCPeerConnectionState.CONNECTED);
    opened.get(10, TimeUnit.SECONDS);
    assertThat(aEvents).contains("icecandidate");
    assertThat(beforeSld).as("events before SLD resolved, of %s", aEvents).isEmpty();
    assertThat(chat.id()).isNotNull();

    RTCDataChannel bChat = remote.get(10, TimeUnit.SECONDS);
    assertThat(bChat.label()).isEqualTo("chat");
    bChat.onmessage(e -> fromA.complete(e.data()));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> bChat.readyState() == RTCDataChannelState.OPEN);

    chat.send("héllo from a ✓");
    assertThat(fromA.get(5, TimeUnit.SECONDS)).isEqualTo("héllo from a ✓");
    bChat.send("bytes".getBytes(StandardCharsets.UTF_8));
    Object binary = fromB.get(5, TimeUnit.SECONDS);
    assertThat(binary).isInstanceOf(ByteBuffer.class);
    assertThat(StandardCharsets.UTF_8.decode((ByteBuffer) binary).toString()).isEqualTo("bytes");

    RTCStatsReport stats = a.getStats().get(5, TimeUnit.SECONDS);
    assertThat(stats.ofType("candidate-pair"))
        .anySatisfy(p -> assertThat(p.get("state")).isEqualTo("succeeded"));
    assertThat(stats.ofType("data-channel")).isNotEmpty();
    assertThat(stats.values()).allSatisfy(s -> assertThat(s.timestamp()).isGreaterThan(1e12));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> a.iceGatheringState() == RTCIceGatheringState.COMPLETE);
    assertThat(aEvents)
        .contains("connection:connecting", "connection:connected", "gathering:complete");
    assertThat(a.localDescription().sdp()).contains("a=candidate:");

    List<String> afterClose = new CopyOnWriteArrayList<>();
    b.onconnectionstatechange(e -> afterClose.add("b:" + b.connectionState()));
    bChat.onclose(e -> afterClose.add("bChat:close"));
    CompletableFuture<Void> closed = new CompletableFuture<>();
    chat.onclose(e -> closed.complete(null));
    a.close();
    a.close();
    assertThat(a.connectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
    assertThat(chat.readyState()).isEqualTo(RTCDataChannelState.CLOSED);
    // The peer sees the channel close; the closed side itself fires nothing.
    await().atMost(Duration.ofSeconds(10)).until(() -> afterClose.contains("bChat:close"));
    Thread.sleep(200);
    assertThat(closed).isNotDone();
  }
}

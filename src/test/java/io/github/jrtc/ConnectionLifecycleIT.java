package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static io.github.jrtc.Wpt.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.internal.sdp.MediaSection;
import io.github.jrtc.internal.sdp.Sdp;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * negotiationneeded, restartIce, configuration, stats and close on real libwebrtc (WPT
 * RTCPeerConnection-onnegotiationneeded.html, -close.html, -getStats.html, RTCConfiguration-*).
 */
class ConnectionLifecycleIT {
  private final RTCPeerConnection a = new RTCPeerConnection();
  private final RTCPeerConnection b = new RTCPeerConnection();

  @AfterEach
  void close() {
    a.close();
    b.close();
  }

  // -onnegotiationneeded.html: "Creating first data channel should fire negotiationneeded event"
  // and "calling createDataChannel twice should fire negotiationneeded event once".
  @Test
  void negotiationNeededOncePerNeed() throws Exception {
    AtomicInteger fired = new AtomicInteger();
    a.onnegotiationneeded(e -> fired.incrementAndGet());
    a.createDataChannel("one");
    a.createDataChannel("two");
    await().atMost(Duration.ofSeconds(5)).until(() -> fired.get() == 1);
    Thread.sleep(300);
    assertThat(fired.get()).isEqualTo(1);
  }

  // -onnegotiationneeded.html "negotiationneeded event should fire only after signaling state go
  // back to stable after setRemoteDescription": the first data channel, created in
  // have-local-offer, asks for negotiation once the answer brought the connection back to stable.
  @Test
  void negotiationNeededFiresOnlyBackInStable() throws Exception {
    CompletableFuture<Void> first = new CompletableFuture<>();
    a.onnegotiationneeded(e -> first.complete(null));
    a.addTransceiver("audio");
    await(first);
    RTCSessionDescriptionInit offer = await(a.createOffer());
    await(a.setLocalDescription(offer));
    List<RTCSignalingState> firedIn = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Void> again = new CompletableFuture<>();
    a.onnegotiationneeded(
        e -> {
          firedIn.add(a.signalingState());
          again.complete(null);
        });
    a.createDataChannel("test");
    await(b.setRemoteDescription(offer));
    RTCSessionDescriptionInit answer = await(b.createAnswer());
    Thread.sleep(100);
    assertThat(firedIn).as("not while have-local-offer").isEmpty();
    CompletableFuture<Boolean> firedBeforeSrdResolved =
        a.setRemoteDescription(answer).thenApply(v -> again.isDone());
    assertThat(await(firedBeforeSrdResolved)).isFalse();
    await(again);
    assertThat(firedIn).containsExactly(RTCSignalingState.STABLE);
  }

  // -restartIce.https.html "restartIce() does not trigger negotiation ahead of initial
  // negotiation": before any local description there are no credentials to restart.
  @Test
  void restartIceBeforeTheFirstNegotiationDoesNothing() throws Exception {
    AtomicInteger fired = new AtomicInteger();
    CompletableFuture<Void> first = new CompletableFuture<>();
    a.onnegotiationneeded(
        e -> {
          fired.incrementAndGet();
          first.complete(null);
        });
    a.addTransceiver("audio");
    await(first);
    a.restartIce();
    await(Peers.negotiate(a, b));
    Thread.sleep(300);
    assertThat(fired).hasValue(1);
  }

  @Test
  void restartIceFiresNegotiationNeededAndChangesTheUfrag() throws Exception {
    Peers.trickle(a, b);
    a.createDataChannel("x");
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> a.connectionState() == RTCPeerConnectionState.CONNECTED);
    String ufrag = Sdp.mediaSections(a.localDescription().sdp()).get(0).iceUfrag();
    CompletableFuture<Void> needed = new CompletableFuture<>();
    a.onnegotiationneeded(e -> needed.complete(null));
    a.restartIce();
    await(needed);
    await(Peers.negotiate(a, b));
    List<MediaSection> after = Sdp.mediaSections(a.localDescription().sdp());
    assertThat(after.get(0).iceUfrag()).isNotEqualTo(ufrag);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> a.connectionState() == RTCPeerConnectionState.CONNECTED);
  }

  // RTCConfiguration-bundlePolicy.html / -iceServers.html through setConfiguration.
  @Test
  void configuration() {
    assertThat(a.getConfiguration()).isEqualTo(new RTCConfiguration());
    RTCConfiguration withStun =
        RTCConfiguration.builder().iceServers(new RTCIceServer("stun:10.203.0.2:3478")).build();
    a.setConfiguration(withStun);
    assertThat(a.getConfiguration().iceServers())
        .containsExactly(new RTCIceServer("stun:10.203.0.2:3478"));
    assertThatThrownBy(
            () ->
                a.setConfiguration(
                    withStun.toBuilder().bundlePolicy(RTCBundlePolicy.MAX_BUNDLE).build()))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidModificationError"));
    assertThatThrownBy(
            () ->
                a.setConfiguration(
                    RTCConfiguration.builder().iceServers(new RTCIceServer("turns:x")).build()))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidAccessError"));
    assertThat(a.getConfiguration()).isEqualTo(withStun);
  }

  @Test
  void constructorWithIceServersAndPolicies() {
    try (RTCPeerConnection pc =
        new RTCPeerConnection(
            RTCConfiguration.builder()
                .iceServers(new RTCIceServer("turn:10.203.0.2:3478?transport=udp", "user", "pass"))
                .bundlePolicy(RTCBundlePolicy.MAX_BUNDLE)
                .iceTransportPolicy(RTCIceTransportPolicy.RELAY)
                .build())) {
      assertThat(pc.getConfiguration().bundlePolicy()).isEqualTo(RTCBundlePolicy.MAX_BUNDLE);
      assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    }
    assertThatThrownBy(
            () ->
                new RTCPeerConnection(
                    RTCConfiguration.builder()
                        .iceServers(new RTCIceServer("relay:example"))
                        .build()))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("SyntaxError"));
  }

  // -getStats.html: a report of a fresh connection has a peer-connection stats object.
  @Test
  void statsOfAFreshConnection() throws Exception {
    RTCStatsReport report = await(a.getStats());
    assertThat(report.ofType("peer-connection")).hasSize(1);
    RTCStats pcStats = report.ofType("peer-connection").get(0);
    assertThat(report.has(pcStats.id())).isTrue();
    assertThat(report.get(pcStats.id())).isSameAs(pcStats);
    assertThat(pcStats.get("dataChannelsOpened")).isInstanceOf(Long.class);
  }

  // -close.html: close is synchronous, sets closed states, and is idempotent; later calls fail.
  @Test
  void closeAfterConnecting() throws Exception {
    Peers.trickle(a, b);
    RTCDataChannel channel = a.createDataChannel("x");
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> channel.readyState() == RTCDataChannelState.OPEN);
    List<String> events = new CopyOnWriteArrayList<>();
    for (String type :
        List.of(
            "signalingstatechange",
            "connectionstatechange",
            "iceconnectionstatechange",
            "icegatheringstatechange",
            "negotiationneeded",
            "icecandidate")) {
      a.addEventListener(type, (Event e) -> events.add(type));
    }
    channel.onclose(e -> events.add("channel close"));
    channel.onclosing(e -> events.add("channel closing"));
    a.close();
    assertThat(a.signalingState()).isEqualTo(RTCSignalingState.CLOSED);
    assertThat(a.connectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
    assertThat(a.iceConnectionState()).isEqualTo(RTCIceConnectionState.CLOSED);
    assertThat(channel.readyState()).isEqualTo(RTCDataChannelState.CLOSED);
    a.close();
    rejects("InvalidStateError", a.createOffer());
    rejects("InvalidStateError", a.getStats());
    assertThatThrownBy(() -> channel.send("x"))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidStateError"));
    Thread.sleep(500);
    assertThat(events).isEmpty();
  }
}

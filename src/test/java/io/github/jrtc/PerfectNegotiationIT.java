package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.signaling.NegotiationMessage;
import io.github.jrtc.signaling.PerfectNegotiator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spec's perfect negotiation example under glare: both peers make an offer at the same time;
 * the polite one rolls back, and both end connected with both data channels open.
 */
class PerfectNegotiationIT {
  private final RTCPeerConnection a = new RTCPeerConnection();
  private final RTCPeerConnection b = new RTCPeerConnection();
  private final ScheduledExecutorService wire = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void close() {
    a.close();
    b.close();
    wire.shutdownNow();
  }

  /** A signaling wire with latency, in order, through JSON as a real transport would be. */
  private void link(PerfectNegotiator[] to, int index, NegotiationMessage m, List<String> log) {
    String json = m.toJSON();
    if (m.isDescription()) {
      log.add((index == 0 ? "b" : "a") + " sends " + m.description().type());
    }
    Runnable deliver =
        () ->
            to[index]
                .receive(NegotiationMessage.fromJSON(json))
                .exceptionally(
                    e -> {
                      log.add("receive failed: " + e);
                      return null;
                    });
    var unused = wire.schedule(deliver, 30, TimeUnit.MILLISECONDS);
  }

  @ParameterizedTest(name = "polite side: {0}")
  @ValueSource(strings = {"a", "b"})
  void glareResolvesAndBothChannelsOpen(String politeSide) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    PerfectNegotiator[] negotiators = new PerfectNegotiator[2];
    negotiators[0] =
        new PerfectNegotiator(a, politeSide.equals("a"), m -> link(negotiators, 1, m, log));
    negotiators[1] =
        new PerfectNegotiator(b, politeSide.equals("b"), m -> link(negotiators, 0, m, log));
    RTCPeerConnection polite = politeSide.equals("a") ? a : b;
    List<String> politeStates = new CopyOnWriteArrayList<>();
    polite.onsignalingstatechange(e -> politeStates.add(polite.signalingState().toString()));

    CompletableFuture<String> aGot = new CompletableFuture<>();
    CompletableFuture<String> bGot = new CompletableFuture<>();
    a.ondatachannel(e -> aGot.complete(e.channel().label()));
    b.ondatachannel(e -> bGot.complete(e.channel().label()));
    // Both sides need negotiation at once: glare.
    RTCDataChannel fromA = a.createDataChannel("from-a");
    RTCDataChannel fromB = b.createDataChannel("from-b");

    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                a.connectionState() == RTCPeerConnectionState.CONNECTED
                    && b.connectionState() == RTCPeerConnectionState.CONNECTED);
    assertThat(aGot.get(10, TimeUnit.SECONDS)).isEqualTo("from-b");
    assertThat(bGot.get(10, TimeUnit.SECONDS)).isEqualTo("from-a");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fromA.readyState() == RTCDataChannelState.OPEN
                    && fromB.readyState() == RTCDataChannelState.OPEN);
    assertThat(log).contains("a sends offer", "b sends offer");
    assertThat(log).noneMatch(l -> l.startsWith("receive failed"));
    // The polite peer rolled its own offer back when the other's arrived.
    assertThat(String.join(",", politeStates))
        .contains("have-local-offer,stable,have-remote-offer");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                a.signalingState() == RTCSignalingState.STABLE
                    && b.signalingState() == RTCSignalingState.STABLE);
  }

  // WPT RTCPeerConnection-perfect-negotiation.https.html "Perfect negotiation glare" (both roles):
  // both sides add a transceiver at once; negotiation converges with two transceivers on each
  // side, every one negotiated (a mid), both stable.
  @ParameterizedTest(name = "polite side: {0}")
  @ValueSource(strings = {"a", "b"})
  void transceiverGlareConverges(String politeSide) throws Exception {
    List<String> log = new CopyOnWriteArrayList<>();
    PerfectNegotiator[] negotiators = new PerfectNegotiator[2];
    negotiators[0] =
        new PerfectNegotiator(a, politeSide.equals("a"), m -> link(negotiators, 1, m, log));
    negotiators[1] =
        new PerfectNegotiator(b, politeSide.equals("b"), m -> link(negotiators, 0, m, log));
    a.addTransceiver("audio");
    b.addTransceiver("audio");
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                a.signalingState() == RTCSignalingState.STABLE
                    && b.signalingState() == RTCSignalingState.STABLE
                    && a.getTransceivers().size() == 2
                    && b.getTransceivers().size() == 2
                    && a.getTransceivers().stream().allMatch(t -> t.mid() != null)
                    && b.getTransceivers().stream().allMatch(t -> t.mid() != null));
    assertThat(log).noneMatch(l -> l.startsWith("receive failed"));
  }
}

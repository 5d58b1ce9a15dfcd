package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.github.jrtc.internal.bridge.DataChannelBridge;
import io.github.jrtc.internal.loop.QueueDelivery;
import io.github.jrtc.internal.loop.SerialEventQueue;
import io.github.jrtc.internal.sdp.DescriptionState;
import io.github.jrtc.internal.sdp.Descriptions;
import io.github.jrtc.internal.sdp.ThreeSectionSdp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** libwebrtc's reports turned into states and events, on a real queue, without a connection. */
class BridgeEventsTest {
  /** Sections 0 and 1 bundled, 2 on its own transport. */
  private static final String LOCAL = ThreeSectionSdp.SDP;

  private static final String CANDIDATE =
      "candidate:1 1 udp 2122260223 10.203.0.2 50000 typ host generation 0";

  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final SerialEventQueue queue = new SerialEventQueue("bridge-events-test", pool);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final QueueDelivery delivery = new QueueDelivery(queue, closed::get);
  private final DescriptionState descriptions = new DescriptionState(closed::get);
  private final AtomicBoolean holding = new AtomicBoolean();
  private final List<Runnable> held = new ArrayList<>();
  private final AtomicInteger negotiationReports = new AtomicInteger();
  private final List<DataChannelBridge> remoteChannels = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final BridgeEvents events =
      new BridgeEvents(
          0,
          delivery,
          event -> {
            if (holding.get()) {
              held.add(event);
            } else {
              event.run();
            }
          },
          descriptions,
          new TransportRegistry(null, DataChannelRegistry.MAX_DATA_CHANNELS),
          negotiationReports::incrementAndGet,
          remoteChannels::add,
          this::record,
          closed::get);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private void record(Event e) {
    assertThat(queue.isCurrent()).as("events fire on the queue").isTrue();
    if (e instanceof RTCPeerConnectionIceEvent ice) {
      RTCIceCandidate c = ice.candidate();
      log.add(
          c == null
              ? "icecandidate null"
              : c.candidate().isEmpty()
                  ? "icecandidate end " + c.sdpMid()
                  : "icecandidate " + c.sdpMid());
    } else {
      log.add(e.type());
    }
  }

  private void drain() throws Exception {
    // Two rounds: end-of-candidates posts the state change as a task of its own.
    for (int i = 0; i < 2; i++) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      queue.execute(() -> done.complete(null));
      done.get(5, TimeUnit.SECONDS);
    }
  }

  private static Descriptions local(String sdp) {
    return new Descriptions(null, new RTCSessionDescription(RTCSdpType.OFFER, sdp), null, null);
  }

  @Test
  void aCandidateTakesItsSnapshotAndFiresOrWaitsWhileALocalDescriptionIsBeingSet()
      throws Exception {
    holding.set(true);
    events.onIceCandidate(new RTCIceCandidateInit(CANDIDATE, "2", 2, null), null, local(LOCAL));
    drain();
    assertThat(log).isEmpty();
    assertThat(descriptions.current().local()).as("taken when it fires").isNull();
    queue.execute(() -> held.forEach(Runnable::run));
    drain();
    assertThat(log).containsExactly("icecandidate 2");
    assertThat(descriptions.current().local().sdp()).isEqualTo(LOCAL);
  }

  @Test
  void completeGatheringFiresEndOfCandidatesPerTransportThenTheStateThenNull() throws Exception {
    events.onIceGatheringStateChange(RTCIceGatheringState.GATHERING, local(LOCAL));
    events.onIceGatheringStateChange(RTCIceGatheringState.GATHERING, local(LOCAL));
    drain();
    assertThat(events.iceGatheringState()).isEqualTo(RTCIceGatheringState.GATHERING);
    events.onIceGatheringStateChange(RTCIceGatheringState.COMPLETE, local(LOCAL));
    drain();
    assertThat(log)
        .containsExactly(
            "icegatheringstatechange",
            "icecandidate end 0",
            "icecandidate end 2",
            "icegatheringstatechange",
            "icecandidate null");
    assertThat(events.iceGatheringState()).isEqualTo(RTCIceGatheringState.COMPLETE);
    assertThat(descriptions.current().local().sdp().split("a=end-of-candidates", -1)).hasSize(4);
  }

  @Test
  void iceAndConnectionStatesFireOncePerChangeAndCloseWithoutEvents() throws Exception {
    events.onIceConnectionStateChange(RTCIceConnectionState.CHECKING);
    events.onIceConnectionStateChange(RTCIceConnectionState.CHECKING);
    events.onConnectionStateChange(RTCPeerConnectionState.CONNECTING);
    events.onConnectionStateChange(RTCPeerConnectionState.CONNECTING);
    drain();
    assertThat(log).containsExactly("iceconnectionstatechange", "connectionstatechange");
    assertThat(events.iceConnectionState()).isEqualTo(RTCIceConnectionState.CHECKING);
    assertThat(events.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTING);

    closed.set(true);
    events.close();
    events.onConnectionStateChange(RTCPeerConnectionState.CONNECTED);
    drain();
    assertThat(events.iceConnectionState()).isEqualTo(RTCIceConnectionState.CLOSED);
    assertThat(events.connectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
    assertThat(log).hasSize(2);
  }

  @Test
  void errorsNegotiationReportsAndRemoteChannelsArePassedOn() throws Exception {
    events.onIceCandidateError("10.0.0.1", 3478, "stun:10.0.0.1", 701, "unreachable");
    events.onNegotiationNeeded();
    DataChannelBridge channel = mock(DataChannelBridge.class);
    events.onDataChannel(channel);
    drain();
    assertThat(log).containsExactly("icecandidateerror");
    assertThat(negotiationReports).hasValue(1);
    assertThat(remoteChannels).containsExactly(channel);
  }
}

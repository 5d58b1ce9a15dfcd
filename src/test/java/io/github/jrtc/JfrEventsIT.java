package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jrtc's JFR events from a real connected pair: the operations of a negotiation with their
 * outcomes, the state changes in spec order, and the dispatched events with their connection.
 */
class JfrEventsIT {
  @TempDir Path dir;

  @Test
  void aNegotiationIsRecordedAsOperationsStateChangesAndDispatches() throws Exception {
    Path file = dir.resolve("pair.jfr");
    long aId;
    long bId;
    try (Recording r = new Recording()) {
      r.enable("io.github.jrtc.Operation");
      r.enable("io.github.jrtc.EventDispatch");
      r.enable("io.github.jrtc.StateChange");
      r.start();
      try (RTCPeerConnection a = new RTCPeerConnection();
          RTCPeerConnection b = new RTCPeerConnection()) {
        aId = idOf(a);
        bId = idOf(b);
        assertThat(bId).isNotEqualTo(aId);
        CountDownLatch connected = new CountDownLatch(2);
        for (RTCPeerConnection pc : List.of(a, b)) {
          pc.onconnectionstatechange(
              e -> {
                if (pc.connectionState() == RTCPeerConnectionState.CONNECTED) {
                  connected.countDown();
                }
              });
        }
        CountDownLatch announced = new CountDownLatch(1);
        b.ondatachannel(e -> announced.countDown());
        Peers.trickle(a, b);
        a.createDataChannel("jfr");
        assertThatThrownBy(() -> a.createAnswer().get(5, TimeUnit.SECONDS))
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(DOMException.class);
        Peers.negotiate(a, b).get(20, TimeUnit.SECONDS);
        assertThat(connected.await(20, TimeUnit.SECONDS)).isTrue();
        // The channel is announced once SCTP is up, after "connected".
        assertThat(announced.await(20, TimeUnit.SECONDS)).isTrue();
      }
      r.stop();
      r.dump(file);
    }
    List<RecordedEvent> events = RecordingFile.readAllEvents(file);

    List<String> aOps =
        events.stream()
            .filter(e -> named(e, "Operation") && e.getLong("connection") == aId)
            .sorted((x, y) -> x.getStartTime().compareTo(y.getStartTime()))
            .map(e -> e.getString("kind") + ":" + e.getString("outcome"))
            .toList();
    assertThat(aOps)
        .startsWith(
            "createAnswer:InvalidStateError",
            "createOffer:resolved",
            "setLocalDescription:resolved",
            "setRemoteDescription:resolved");
    assertThat(
            events.stream()
                .filter(e -> named(e, "Operation") && e.getString("outcome").equals("resolved")))
        .allSatisfy(
            e ->
                assertThat(e.getDuration())
                    .isGreaterThanOrEqualTo(
                        e.getDuration("chainWait")
                            .plus(e.getDuration("nativeTime"))
                            .plus(e.getDuration("settleTime"))
                            .minusMillis(1)));

    List<String> aSignaling =
        events.stream()
            .filter(
                e ->
                    named(e, "StateChange")
                        && e.getLong("connection") == aId
                        && e.getString("state").equals("signaling"))
            .sorted((x, y) -> x.getStartTime().compareTo(y.getStartTime()))
            .map(e -> e.getString("oldValue") + ">" + e.getString("newValue"))
            .toList();
    assertThat(aSignaling)
        .containsExactly(
            RTCSignalingState.STABLE + ">" + RTCSignalingState.HAVE_LOCAL_OFFER,
            RTCSignalingState.HAVE_LOCAL_OFFER + ">" + RTCSignalingState.STABLE,
            RTCSignalingState.STABLE + ">" + RTCSignalingState.CLOSED);
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(named(e, "StateChange")).isTrue();
              assertThat(e.getLong("connection")).isEqualTo(bId);
              assertThat(e.getString("state")).isEqualTo("connection");
              assertThat(e.getString("newValue"))
                  .isEqualTo(RTCPeerConnectionState.CONNECTED.toString());
            });

    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(named(e, "EventDispatch")).isTrue();
              assertThat(e.getLong("connection")).isEqualTo(aId);
              assertThat(e.getString("eventType")).isEqualTo("connectionstatechange");
              assertThat(e.getString("target")).isEqualTo("RTCPeerConnection");
              assertThat(e.getInt("listeners")).isEqualTo(1);
            });
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(named(e, "EventDispatch")).isTrue();
              assertThat(e.getLong("connection")).isEqualTo(bId);
              assertThat(e.getString("eventType")).isEqualTo("datachannel");
            });
  }

  private static boolean named(RecordedEvent e, String simpleName) {
    return e.getEventType().getName().equals("io.github.jrtc." + simpleName);
  }

  private static long idOf(RTCPeerConnection pc) {
    String s = pc.toString();
    int start = s.indexOf("id=") + 3;
    int end = s.indexOf(',', start);
    return Long.parseLong(s.substring(start, end));
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.loop.OperationsChain;
import io.github.jrtc.internal.loop.QueueDelivery;
import io.github.jrtc.internal.loop.SerialEventQueue;
import io.github.jrtc.internal.sdp.DescriptionState;
import io.github.jrtc.internal.sdp.Descriptions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The signaling state machine on a real event queue and operations chain, with libwebrtc replaced
 * by a mocked bridge that accepts every description.
 */
class SignalingMachineTest {
  private final ExecutorService pool = Executors.newSingleThreadExecutor();
  private final SerialEventQueue queue = new SerialEventQueue("signaling-test", pool);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final QueueDelivery delivery = new QueueDelivery(queue, closed::get);
  private final DescriptionState descriptions = new DescriptionState(closed::get);
  private final NegotiationNeeded negotiation =
      new NegotiationNeeded(
          System::nanoTime,
          (task, delay) -> {},
          queue::isCurrent,
          delivery::post,
          () -> false,
          () -> {});
  private final OperationsChain chain = new OperationsChain(queue, closed::get, () -> {});
  private final PeerConnectionBridge bridge = mock(PeerConnectionBridge.class);
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final AtomicInteger offers = new AtomicInteger();
  private SignalingMachine machine;

  @BeforeEach
  void setUp() {
    when(bridge.createOffer(any()))
        .thenAnswer(
            i ->
                CompletableFuture.completedFuture(
                    new RTCSessionDescriptionInit(
                        RTCSdpType.OFFER, "offer-" + offers.incrementAndGet())));
    when(bridge.createAnswer(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new RTCSessionDescriptionInit(RTCSdpType.ANSWER, "answer")));
    when(bridge.setLocalDescription(any()))
        .thenAnswer(
            i -> CompletableFuture.completedFuture(new Descriptions(null, null, null, null)));
    when(bridge.setRemoteDescription(any()))
        .thenAnswer(
            i -> CompletableFuture.completedFuture(new Descriptions(null, null, null, null)));
    machine =
        new SignalingMachine(
            0,
            bridge,
            chain,
            queue,
            delivery,
            descriptions,
            negotiation,
            closed::get,
            new SignalingMachine.Listener() {
              @Override
              public void signalingStateChanged(
                  RTCSignalingState previous, RTCSignalingState next) {
                log.add(previous.name() + "->" + next.name());
              }

              @Override
              public void descriptionApplied(RTCSdpType type, boolean local, Descriptions now) {
                log.add("applied " + (local ? "local " : "remote ") + type.name());
              }
            });
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private String run(Supplier<CompletableFuture<?>> operation) throws Exception {
    CompletableFuture<?> p = chain.chain("test", operation::get);
    try {
      p.get(5, TimeUnit.SECONDS);
      return "ok";
    } catch (ExecutionException e) {
      return e.getCause() instanceof DOMException d ? d.name() : e.getCause().toString();
    }
  }

  private String run(String operation) throws Exception {
    return switch (operation) {
      case "createOffer" -> run(() -> machine.createOffer(new RTCOfferOptions()));
      case "createAnswer" -> run(() -> machine.createAnswer(new RTCAnswerOptions()));
      case "SLD()" -> run(() -> machine.setLocal(null));
      default -> {
        String[] parts = operation.split(" ");
        RTCSessionDescriptionInit d =
            new RTCSessionDescriptionInit(RTCSdpType.valueOf(parts[1]), "");
        yield parts[0].equals("SLD")
            ? run(() -> machine.setLocal(d))
            : run(() -> machine.setRemote(new RTCSessionDescriptionInit(d.type(), "remote")));
      }
    };
  }

  private void reach(RTCSignalingState state) throws Exception {
    List<String> steps =
        switch (state) {
          case STABLE -> List.of();
          case HAVE_LOCAL_OFFER -> List.of("SLD OFFER");
          case HAVE_REMOTE_OFFER -> List.of("SRD OFFER");
          case HAVE_LOCAL_PRANSWER -> List.of("SRD OFFER", "SLD PRANSWER");
          case HAVE_REMOTE_PRANSWER -> List.of("SLD OFFER", "SRD PRANSWER");
          case CLOSED -> throw new IllegalArgumentException();
        };
    for (String step : steps) {
      assertThat(run(step)).as(step).isEqualTo("ok");
    }
    assertThat(machine.state()).isEqualTo(state);
    log.clear();
  }

  /** Every operation in every state: the state it leads to, or the error it fails with. */
  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @CsvSource({
    "STABLE, createOffer, STABLE",
    "STABLE, createAnswer, InvalidStateError",
    "STABLE, SLD OFFER, HAVE_LOCAL_OFFER",
    "STABLE, SLD ANSWER, InvalidStateError",
    "STABLE, SLD PRANSWER, InvalidStateError",
    "STABLE, SLD ROLLBACK, InvalidStateError",
    "STABLE, SRD OFFER, HAVE_REMOTE_OFFER",
    "STABLE, SRD ANSWER, InvalidStateError",
    "STABLE, SRD PRANSWER, InvalidStateError",
    "STABLE, SRD ROLLBACK, InvalidStateError",
    "STABLE, SLD(), HAVE_LOCAL_OFFER",
    "HAVE_LOCAL_OFFER, createOffer, HAVE_LOCAL_OFFER",
    "HAVE_LOCAL_OFFER, createAnswer, InvalidStateError",
    "HAVE_LOCAL_OFFER, SLD OFFER, HAVE_LOCAL_OFFER",
    "HAVE_LOCAL_OFFER, SLD ANSWER, InvalidStateError",
    "HAVE_LOCAL_OFFER, SLD PRANSWER, InvalidStateError",
    "HAVE_LOCAL_OFFER, SLD ROLLBACK, STABLE",
    "HAVE_LOCAL_OFFER, SRD OFFER, HAVE_REMOTE_OFFER",
    "HAVE_LOCAL_OFFER, SRD ANSWER, STABLE",
    "HAVE_LOCAL_OFFER, SRD PRANSWER, HAVE_REMOTE_PRANSWER",
    "HAVE_LOCAL_OFFER, SRD ROLLBACK, InvalidStateError",
    "HAVE_LOCAL_OFFER, SLD(), HAVE_LOCAL_OFFER",
    "HAVE_REMOTE_OFFER, createOffer, InvalidStateError",
    "HAVE_REMOTE_OFFER, createAnswer, HAVE_REMOTE_OFFER",
    "HAVE_REMOTE_OFFER, SLD OFFER, InvalidStateError",
    "HAVE_REMOTE_OFFER, SLD ANSWER, STABLE",
    "HAVE_REMOTE_OFFER, SLD PRANSWER, HAVE_LOCAL_PRANSWER",
    "HAVE_REMOTE_OFFER, SLD ROLLBACK, InvalidStateError",
    "HAVE_REMOTE_OFFER, SRD OFFER, HAVE_REMOTE_OFFER",
    "HAVE_REMOTE_OFFER, SRD ANSWER, InvalidStateError",
    "HAVE_REMOTE_OFFER, SRD PRANSWER, InvalidStateError",
    "HAVE_REMOTE_OFFER, SRD ROLLBACK, STABLE",
    "HAVE_REMOTE_OFFER, SLD(), STABLE",
    "HAVE_LOCAL_PRANSWER, createOffer, InvalidStateError",
    "HAVE_LOCAL_PRANSWER, createAnswer, HAVE_LOCAL_PRANSWER",
    "HAVE_LOCAL_PRANSWER, SLD OFFER, InvalidStateError",
    "HAVE_LOCAL_PRANSWER, SLD ANSWER, STABLE",
    "HAVE_LOCAL_PRANSWER, SLD PRANSWER, HAVE_LOCAL_PRANSWER",
    "HAVE_LOCAL_PRANSWER, SLD ROLLBACK, InvalidStateError",
    "HAVE_LOCAL_PRANSWER, SRD OFFER, InvalidStateError",
    "HAVE_LOCAL_PRANSWER, SRD ANSWER, InvalidStateError",
    "HAVE_LOCAL_PRANSWER, SRD PRANSWER, InvalidStateError",
    "HAVE_LOCAL_PRANSWER, SRD ROLLBACK, InvalidStateError",
    "HAVE_LOCAL_PRANSWER, SLD(), STABLE",
    "HAVE_REMOTE_PRANSWER, createOffer, InvalidStateError",
    "HAVE_REMOTE_PRANSWER, createAnswer, InvalidStateError",
    "HAVE_REMOTE_PRANSWER, SLD OFFER, InvalidStateError",
    "HAVE_REMOTE_PRANSWER, SLD ANSWER, InvalidStateError",
    "HAVE_REMOTE_PRANSWER, SLD PRANSWER, InvalidStateError",
    "HAVE_REMOTE_PRANSWER, SLD ROLLBACK, InvalidStateError",
    "HAVE_REMOTE_PRANSWER, SRD OFFER, InvalidStateError",
    "HAVE_REMOTE_PRANSWER, SRD ANSWER, STABLE",
    "HAVE_REMOTE_PRANSWER, SRD PRANSWER, HAVE_REMOTE_PRANSWER",
    "HAVE_REMOTE_PRANSWER, SRD ROLLBACK, InvalidStateError",
    "HAVE_REMOTE_PRANSWER, SLD(), InvalidStateError",
  })
  void transitions(RTCSignalingState from, String operation, String expected) throws Exception {
    reach(from);
    String outcome = run(operation);
    if (expected.endsWith("Error")) {
      assertThat(outcome).isEqualTo(expected);
      assertThat(machine.state()).as("a refused step changes nothing").isEqualTo(from);
      assertThat(log).isEmpty();
    } else {
      assertThat(outcome).isEqualTo("ok");
      RTCSignalingState to = RTCSignalingState.valueOf(expected);
      assertThat(machine.state()).isEqualTo(to);
      if (operation.startsWith("create")) {
        assertThat(log).as("creating changes no state").isEmpty();
      } else if (operation.equals("SRD OFFER") && from == RTCSignalingState.HAVE_LOCAL_OFFER) {
        assertThat(log)
            .as("implicit rollback: stable, then have-remote-offer")
            .containsExactly(
                "HAVE_LOCAL_OFFER->STABLE",
                "applied local ROLLBACK",
                "STABLE->HAVE_REMOTE_OFFER",
                "applied remote OFFER");
      } else if (from == to) {
        assertThat(log).as("no signalingstatechange without a change").hasSize(1);
      } else {
        assertThat(log).first().isEqualTo(from.name() + "->" + to.name());
      }
    }
  }

  @Test
  void aLocalOfferMustBeTheLastOneCreated() throws Exception {
    assertThat(run(() -> machine.createOffer(new RTCOfferOptions()))).isEqualTo("ok");
    assertThat(
            run(() -> machine.setLocal(new RTCSessionDescriptionInit(RTCSdpType.OFFER, "forged"))))
        .isEqualTo("InvalidModificationError");
    assertThat(
            run(() -> machine.setLocal(new RTCSessionDescriptionInit(RTCSdpType.OFFER, "offer-1"))))
        .isEqualTo("ok");
    verify(bridge).setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, "offer-1"));
  }

  @Test
  void theParameterlessFormReusesTheLastOfferUntilTheConnectionChanged() throws Exception {
    assertThat(run(() -> machine.createOffer(new RTCOfferOptions()))).isEqualTo("ok");
    assertThat(machine.offerOutdated()).isFalse();
    assertThat(run("SLD()")).isEqualTo("ok");
    verify(bridge, times(1)).createOffer(any());
    verify(bridge).setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, "offer-1"));

    assertThat(run("SLD ROLLBACK")).isEqualTo("ok");
    assertThat(run("SLD()")).as("applying a description is a change").isEqualTo("ok");
    verify(bridge, times(2)).createOffer(any());
    verify(bridge).setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, "offer-2"));

    machine.connectionChanged();
    assertThat(machine.offerOutdated()).as("a transceiver was added meanwhile").isTrue();
  }

  @Test
  void iceEventsReportedWhileSettingALocalDescriptionWaitUntilItsPromiseSettled() throws Exception {
    CompletableFuture<Descriptions> nativeSld = new CompletableFuture<>();
    when(bridge.setLocalDescription(any())).thenReturn(nativeSld);
    CompletableFuture<Void> sld = chain.chain("setLocalDescription", () -> machine.setLocal(null));
    CompletableFuture<Void> resolved = sld.thenRun(() -> log.add("SLD resolved"));
    // libwebrtc reports candidates only once it has the description.
    verify(bridge, timeout(5000)).setLocalDescription(any());
    CompletableFuture<Void> reported = new CompletableFuture<>();
    queue.execute(
        () -> {
          machine.runOrHoldIceEvent(() -> log.add("candidate"));
          reported.complete(null);
        });
    reported.get(5, TimeUnit.SECONDS);
    assertThat(log).as("held").isEmpty();
    nativeSld.complete(new Descriptions(null, null, null, null));
    resolved.get(5, TimeUnit.SECONDS);
    CompletableFuture<Void> drained = new CompletableFuture<>();
    queue.execute(() -> drained.complete(null));
    drained.get(5, TimeUnit.SECONDS);
    assertThat(log)
        .containsExactly(
            "STABLE->HAVE_LOCAL_OFFER", "applied local OFFER", "SLD resolved", "candidate");

    log.clear();
    CompletableFuture<Void> now = new CompletableFuture<>();
    queue.execute(
        () -> {
          machine.runOrHoldIceEvent(() -> log.add("later candidate"));
          now.complete(null);
        });
    now.get(5, TimeUnit.SECONDS);
    assertThat(log).as("nothing being set: runs at once").containsExactly("later candidate");
  }

  @Test
  void closingMovesToClosedWithoutAnEvent() {
    machine.close();
    assertThat(machine.state()).isEqualTo(RTCSignalingState.CLOSED);
    assertThat(log).isEmpty();
  }
}

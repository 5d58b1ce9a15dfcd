package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeFactory;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeObserver;
import io.github.jrtc.internal.sdp.Descriptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The spec machine against a mocked native bridge: operations chain, event order, threads, close.
 * The native side's timing is controlled by completing the bridge's futures by hand.
 */
class RTCPeerConnectionTest {
  private static final String OFFER_SDP =
      "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
          + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
          + "a=ice-ufrag:abcd\r\na=ice-pwd:0123456789012345678901\r\na=ice-options:trickle\r\n"
          + "a=fingerprint:sha-256 00:00\r\na=setup:actpass\r\na=mid:0\r\n"
          + "a=sctp-port:5000\r\na=max-message-size:262144\r\n";
  private static final String CANDIDATE =
      "candidate:1 1 udp 2122260223 10.203.0.2 50000 typ host generation 0 ufrag abcd";

  private PeerConnectionBridge bridge;
  private PeerConnectionBridgeObserver observer;
  private RTCPeerConnection pc;
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    bridge = mock(PeerConnectionBridge.class);
    PeerConnectionBridgeFactory factory =
        (config, obs, owner) -> {
          observer = obs;
          return bridge;
        };
    pc = new RTCPeerConnection(new RTCConfiguration(), factory);
  }

  private static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got a value");
  }

  private static String errorName(Throwable t) {
    return t instanceof DOMException d ? d.name() : t.getClass().getSimpleName();
  }

  private static Descriptions remoteOffer() {
    return new Descriptions(
        null, null, null, new RTCSessionDescription(RTCSdpType.OFFER, OFFER_SDP));
  }

  private void remoteOfferApplied() throws Exception {
    CompletableFuture<Descriptions> nativeSrd = new CompletableFuture<>();
    when(bridge.setRemoteDescription(any())).thenReturn(nativeSrd);
    CompletableFuture<Void> srd =
        pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, OFFER_SDP));
    nativeSrd.complete(remoteOffer());
    srd.get(5, TimeUnit.SECONDS);
  }

  // WPT RTCPeerConnection-createAnswer.html:
  // "createAnswer() with null remoteDescription should reject with InvalidStateError"
  @Test
  void createAnswerInStableRejectsWithInvalidStateError() throws Exception {
    assertThat(errorName(failure(pc.createAnswer()))).isEqualTo("InvalidStateError");
    verify(bridge, never()).createAnswer(any());
  }

  @Test
  void completionsRunOnTheEventQueueNeverOnTheNativeThread() throws Exception {
    CompletableFuture<RTCSessionDescriptionInit> nativeOffer = new CompletableFuture<>();
    when(bridge.createOffer(any())).thenReturn(nativeOffer);
    CompletableFuture<String> thread =
        pc.createOffer().thenApply(o -> Thread.currentThread().getName());
    Thread nativeThread =
        new Thread(
            () -> nativeOffer.complete(new RTCSessionDescriptionInit(RTCSdpType.OFFER, OFFER_SDP)),
            "fake-signaling-thread");
    nativeThread.start();
    assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("jrtc-event-");
  }

  @Test
  void aFailureDecidedAtCallTimeIsStillDeliveredThroughTheQueue() throws Exception {
    pc.close();
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    pc.eventQueue()
        .execute(
            () -> {
              try {
                hold.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    CompletableFuture<RTCSessionDescriptionInit> f = pc.createOffer();
    CompletableFuture<String> where = f.handle((v, e) -> Thread.currentThread().getName());
    Thread.sleep(50);
    assertThat(f).as("decided, but delivered only from the queue").isNotDone();
    hold.countDown();
    assertThat(where.get(5, TimeUnit.SECONDS)).startsWith("jrtc-event-");
    assertThat(errorName(failure(f))).isEqualTo("InvalidStateError");
  }

  // SPEC-NOTES "operations chain": SRD(offer); addIceCandidate(c) back to back must succeed.
  @Test
  void addIceCandidateWaitsForAPendingSetRemoteDescription() throws Exception {
    CompletableFuture<Descriptions> nativeSrd = new CompletableFuture<>();
    when(bridge.setRemoteDescription(any())).thenReturn(nativeSrd);
    CompletableFuture<Void> srd =
        pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, OFFER_SDP));
    CompletableFuture<Void> add =
        pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE, "0", 0, null));
    Thread.sleep(100);
    verify(bridge, never()).addIceCandidate(any());
    assertThat(add).isNotDone();
    nativeSrd.complete(remoteOffer());
    srd.get(5, TimeUnit.SECONDS);
    add.get(5, TimeUnit.SECONDS);
    verify(bridge).addIceCandidate(any());
  }

  // SPEC-NOTES "event order": signalingstatechange fires before the promise resolves.
  @Test
  void signalingStateChangeFiresBeforeTheFutureCompletes() throws Exception {
    pc.onsignalingstatechange(e -> log.add("signalingstatechange:" + pc.signalingState()));
    CompletableFuture<Descriptions> nativeSrd = new CompletableFuture<>();
    when(bridge.setRemoteDescription(any())).thenReturn(nativeSrd);
    CompletableFuture<Void> srd =
        pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, OFFER_SDP))
            .thenRun(() -> log.add("resolved"));
    nativeSrd.complete(remoteOffer());
    srd.get(5, TimeUnit.SECONDS);
    assertThat(log).containsExactly("signalingstatechange:have-remote-offer", "resolved");
  }

  // WPT RTCPeerConnection-createAnswer.html:
  // "createAnswer() when connection is closed in parallel should never resolve"
  @Test
  void anOperationPendingAtCloseNeverCompletes() throws Exception {
    remoteOfferApplied();
    CompletableFuture<RTCSessionDescriptionInit> nativeAnswer = new CompletableFuture<>();
    when(bridge.createAnswer(any())).thenReturn(nativeAnswer);
    CompletableFuture<RTCSessionDescriptionInit> answer = pc.createAnswer();
    pc.close();
    nativeAnswer.complete(new RTCSessionDescriptionInit(RTCSdpType.ANSWER, OFFER_SDP));
    Thread.sleep(200);
    assertThat(answer).isNotDone();
  }

  @Test
  void createAnswerResolvesADictionaryAndKeepsTheSignalingState() throws Exception {
    remoteOfferApplied();
    when(bridge.createAnswer(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new RTCSessionDescriptionInit(RTCSdpType.ANSWER, "v=0\r\n")));
    RTCSessionDescriptionInit answer = pc.createAnswer().get(5, TimeUnit.SECONDS);
    assertThat(answer.type()).isEqualTo(RTCSdpType.ANSWER);
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_REMOTE_OFFER);
  }

  @Test
  void closeIsSynchronousIdempotentAndSilent() throws Exception {
    pc.onsignalingstatechange(e -> log.add("signalingstatechange"));
    pc.onconnectionstatechange(e -> log.add("connectionstatechange"));
    pc.oniceconnectionstatechange(e -> log.add("iceconnectionstatechange"));
    pc.close();
    pc.close();
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.CLOSED);
    assertThat(pc.connectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
    assertThat(pc.iceConnectionState()).isEqualTo(RTCIceConnectionState.CLOSED);
    // Native CLOSED callbacks after close() must not surface as events.
    observer.onConnectionStateChange(RTCPeerConnectionState.CLOSED);
    observer.onIceConnectionStateChange(RTCIceConnectionState.CLOSED);
    observer.onNegotiationNeeded();
    Thread.sleep(200);
    assertThat(log).isEmpty();
    verify(bridge).close();
  }

  @Test
  void everyMethodAfterCloseAnswersInvalidStateError() throws Exception {
    pc.close();
    assertThat(errorName(failure(pc.createOffer()))).isEqualTo("InvalidStateError");
    assertThat(errorName(failure(pc.createAnswer()))).isEqualTo("InvalidStateError");
    assertThat(errorName(failure(pc.setLocalDescription()))).isEqualTo("InvalidStateError");
    assertThat(
            errorName(
                failure(
                    pc.setRemoteDescription(
                        new RTCSessionDescriptionInit(RTCSdpType.OFFER, OFFER_SDP)))))
        .isEqualTo("InvalidStateError");
    assertThat(errorName(failure(pc.addIceCandidate()))).isEqualTo("InvalidStateError");
    assertThat(errorName(failure(pc.getStats()))).isEqualTo("InvalidStateError");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> pc.createDataChannel("x"))
        .isInstanceOf(DOMException.class)
        .extracting(e -> ((DOMException) e).name())
        .isEqualTo("InvalidStateError");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> pc.setConfiguration(new RTCConfiguration()))
        .isInstanceOf(DOMException.class)
        .extracting(e -> ((DOMException) e).name())
        .isEqualTo("InvalidStateError");
  }

  @Test
  void negotiationNeededWaitsForTheChainToEmpty() throws Exception {
    pc.onnegotiationneeded(e -> log.add("negotiationneeded"));
    CompletableFuture<RTCSessionDescriptionInit> nativeOffer = new CompletableFuture<>();
    when(bridge.createOffer(any())).thenReturn(nativeOffer);
    CompletableFuture<RTCSessionDescriptionInit> offer = pc.createOffer();
    observer.onNegotiationNeeded();
    Thread.sleep(100);
    assertThat(log).isEmpty();
    nativeOffer.complete(new RTCSessionDescriptionInit(RTCSdpType.OFFER, OFFER_SDP));
    offer.get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("negotiationneeded"));
  }

  @Test
  void negotiationNeededIsNotFiredOutsideStable() throws Exception {
    pc.onnegotiationneeded(e -> log.add("negotiationneeded"));
    remoteOfferApplied();
    observer.onNegotiationNeeded();
    Thread.sleep(200);
    assertThat(log).isEmpty();
  }

  // WPT RTCPeerConnection-setLocalDescription-offer.html: "setLocalDescription() with offer not
  // created by own createOffer() should reject with InvalidModificationError"
  @Test
  void setLocalDescriptionWithAForeignOfferIsInvalidModification() throws Exception {
    assertThat(
            errorName(
                failure(
                    pc.setLocalDescription(
                        new RTCSessionDescriptionInit(RTCSdpType.OFFER, OFFER_SDP)))))
        .isEqualTo("InvalidModificationError");
    verify(bridge, never()).setLocalDescription(any());
  }

  // WPT RTCPeerConnection-setLocalDescription-answer.html: answer in stable is InvalidStateError
  // (the state is checked before the sdp).
  @Test
  void setLocalAnswerInStableIsInvalidState() throws Exception {
    assertThat(
            errorName(
                failure(
                    pc.setLocalDescription(
                        new RTCSessionDescriptionInit(RTCSdpType.ANSWER, OFFER_SDP)))))
        .isEqualTo("InvalidStateError");
  }

  // WPT RTCPeerConnection-setRemoteDescription-rollback.html: rollback in stable.
  @Test
  void rollbackInStableIsInvalidState() throws Exception {
    assertThat(
            errorName(
                failure(
                    pc.setRemoteDescription(
                        new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "garbage")))))
        .isEqualTo("InvalidStateError");
  }

  @Test
  void setRemoteDescriptionWithoutTypeIsTypeError() throws Exception {
    assertThat(failure(pc.setRemoteDescription(new RTCSessionDescriptionInit(null, OFFER_SDP))))
        .isInstanceOf(TypeError.class);
  }

  // WPT RTCPeerConnection-addIceCandidate.html
  @Test
  void addIceCandidateChecks() throws Exception {
    assertThat(failure(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE, null, null, null))))
        .isInstanceOf(TypeError.class);
    assertThat(
            errorName(
                failure(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE, "0", 0, null)))))
        .as("no remote description")
        .isEqualTo("InvalidStateError");
    remoteOfferApplied();
    assertThat(
            errorName(
                failure(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE, "9", null, null)))))
        .as("unknown mid")
        .isEqualTo("OperationError");
    assertThat(
            errorName(
                failure(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE, null, 5, null)))))
        .as("index out of range")
        .isEqualTo("OperationError");
    assertThat(
            errorName(
                failure(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE, "0", 0, "zzzz")))))
        .as("foreign ufrag")
        .isEqualTo("OperationError");
    assertThat(
            errorName(
                failure(
                    pc.addIceCandidate(
                        new RTCIceCandidateInit("candidate:garbage", "0", 0, null)))))
        .as("unparsable")
        .isEqualTo("OperationError");
    verify(bridge, never()).addIceCandidate(any());
  }

  // SPEC-NOTES "addIceCandidate": end-of-candidates shows as a=end-of-candidates.
  @Test
  void endOfCandidatesMarksTheRemoteDescription() throws Exception {
    remoteOfferApplied();
    pc.addIceCandidate().get(5, TimeUnit.SECONDS);
    assertThat(pc.remoteDescription().sdp()).contains("a=end-of-candidates");
    verify(bridge, never()).addIceCandidate(any());
  }

  @Test
  void gatheringCompleteFiresTheFinalNullCandidate() throws Exception {
    pc.onicegatheringstatechange(e -> log.add("icegatheringstatechange:" + pc.iceGatheringState()));
    pc.onicecandidate(e -> log.add("icecandidate:" + (e.candidate() == null ? "null" : "c")));
    observer.onIceGatheringStateChange(RTCIceGatheringState.GATHERING, Descriptions.NONE);
    observer.onIceCandidate(
        new RTCIceCandidateInit(CANDIDATE, "0", 0, "abcd"), null, Descriptions.NONE);
    observer.onIceGatheringStateChange(RTCIceGatheringState.COMPLETE, Descriptions.NONE);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(log)
                    .containsExactly(
                        "icegatheringstatechange:gathering",
                        "icecandidate:c",
                        "icegatheringstatechange:complete",
                        "icecandidate:null"));
  }

  @Test
  void aThrowingHandlerDoesNotStopOtherListeners() throws Exception {
    pc.onconnectionstatechange(
        e -> {
          throw new IllegalStateException("boom");
        });
    pc.addEventListener("connectionstatechange", (Event e) -> log.add("listener"));
    observer.onConnectionStateChange(RTCPeerConnectionState.CONNECTING);
    await().atMost(Duration.ofSeconds(5)).until(() -> log.contains("listener"));
  }

  @Test
  void constructorValidatesIceServers() {
    PeerConnectionBridgeFactory factory = (c, o, owner) -> bridge;
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new RTCPeerConnection(
                    RTCConfiguration.builder().iceServers(new RTCIceServer("http://x")).build(),
                    factory))
        .isInstanceOf(DOMException.class)
        .extracting(e -> ((DOMException) e).name())
        .isEqualTo("SyntaxError");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new RTCPeerConnection(
                    RTCConfiguration.builder().iceServers(new RTCIceServer("turn:x:3478")).build(),
                    factory))
        .isInstanceOf(DOMException.class)
        .extracting(e -> ((DOMException) e).name())
        .isEqualTo("InvalidAccessError");
  }

  @Test
  void setConfigurationRefusesBundlePolicyChanges() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                pc.setConfiguration(
                    RTCConfiguration.builder().bundlePolicy(RTCBundlePolicy.MAX_BUNDLE).build()))
        .isInstanceOf(DOMException.class)
        .extracting(e -> ((DOMException) e).name())
        .isEqualTo("InvalidModificationError");
  }

  @Test
  void legacyCallbackFormCallsTheFailureCallback() throws Exception {
    CompletableFuture<DOMException> failed = new CompletableFuture<>();
    @SuppressWarnings("deprecation")
    CompletableFuture<Void> done = pc.createAnswer(a -> failed.complete(null), failed::complete);
    assertThat(done.get(5, TimeUnit.SECONDS)).isNull();
    assertThat(failed.get(5, TimeUnit.SECONDS).name()).isEqualTo("InvalidStateError");
  }

  @Test
  void implicitRollbackFiresTwoSignalingStateChanges() throws Exception {
    when(bridge.createOffer(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new RTCSessionDescriptionInit(RTCSdpType.OFFER, "local")));
    when(bridge.setLocalDescription(any()))
        .thenReturn(CompletableFuture.completedFuture(Descriptions.NONE));
    when(bridge.setRemoteDescription(any()))
        .thenReturn(CompletableFuture.completedFuture(remoteOffer()));
    pc.setLocalDescription().get(5, TimeUnit.SECONDS);
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
    pc.onsignalingstatechange(e -> log.add(pc.signalingState().toString()));
    pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, OFFER_SDP))
        .get(5, TimeUnit.SECONDS);
    assertThat(log).containsExactly("stable", "have-remote-offer");
  }

  // libwebrtc reports candidates before its SLD callback; the spec surfaces them after SLD.
  @Test
  void candidatesGatheredDuringSetLocalDescriptionFireAfterItResolves() throws Exception {
    when(bridge.createOffer(any()))
        .thenReturn(
            CompletableFuture.completedFuture(
                new RTCSessionDescriptionInit(RTCSdpType.OFFER, "local")));
    CompletableFuture<Descriptions> nativeSld = new CompletableFuture<>();
    when(bridge.setLocalDescription(any())).thenReturn(nativeSld);
    pc.onicecandidate(e -> log.add("icecandidate"));
    CompletableFuture<Void> sld =
        pc.createOffer()
            .thenCompose(pc::setLocalDescription)
            .thenRun(() -> log.add("sld resolved"));
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> verify(bridge).setLocalDescription(any()));
    observer.onIceCandidate(
        new RTCIceCandidateInit(CANDIDATE, "0", 0, "abcd"), null, Descriptions.NONE);
    Thread.sleep(100);
    assertThat(log).isEmpty();
    nativeSld.complete(Descriptions.NONE);
    sld.get(5, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(log).containsExactly("sld resolved", "icecandidate"));
  }
}

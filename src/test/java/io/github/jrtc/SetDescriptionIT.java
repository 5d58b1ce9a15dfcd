package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static io.github.jrtc.Wpt.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of WPT webrtc/RTCPeerConnection-setLocalDescription-{offer,answer,pranswer,rollback}.html,
 * -setRemoteDescription-{rollback,offer,answer}.html and -setLocalDescription-parameterless, on
 * real libwebrtc.
 */
class SetDescriptionIT {
  private final RTCPeerConnection pc = new RTCPeerConnection();
  private final List<String> states = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    pc.close();
  }

  private void recordStates() {
    pc.addEventListener(
        "signalingstatechange", (Event e) -> states.add(pc.signalingState().toString()));
  }

  // -offer.html "setLocalDescription with valid offer should succeed"
  @Test
  void validOffer() throws Exception {
    recordStates();
    pc.createDataChannel("x");
    RTCSessionDescriptionInit offer = await(pc.createOffer());
    await(pc.setLocalDescription(offer));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
    assertThat(pc.localDescription().type()).isEqualTo(RTCSdpType.OFFER);
    assertThat(pc.pendingLocalDescription()).isEqualTo(pc.localDescription());
    assertThat(pc.currentLocalDescription()).isNull();
    assertThat(states).containsExactly("have-local-offer");
  }

  // -offer.html "setLocalDescription with type offer and null sdp should use lastOffer generated
  // from createOffer"
  @Test
  void typeOfferWithoutSdpUsesLastOffer() throws Exception {
    pc.createDataChannel("x");
    RTCSessionDescriptionInit offer = await(pc.createOffer());
    await(pc.setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, "")));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
    assertThat(Sdps.withoutCandidates(pc.localDescription().sdp()))
        .isEqualTo(Sdps.withoutCandidates(offer.sdp()));
  }

  // -offer.html "setLocalDescription() with offer not created by own createOffer() should reject
  // with InvalidModificationError"
  @Test
  void foreignOfferIsInvalidModification() throws Exception {
    rejects("InvalidModificationError", pc.setLocalDescription(Wpt.dataChannelOffer()));
  }

  // -answer.html: an answer in stable is InvalidStateError; a valid answer goes to stable.
  @Test
  void answer() throws Exception {
    rejects(
        "InvalidStateError",
        pc.setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.ANSWER, "")));
    recordStates();
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    RTCSessionDescriptionInit answer = await(pc.createAnswer());
    await(pc.setLocalDescription(answer));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    assertThat(pc.currentLocalDescription().type()).isEqualTo(RTCSdpType.ANSWER);
    assertThat(pc.currentRemoteDescription().type()).isEqualTo(RTCSdpType.OFFER);
    assertThat(pc.pendingLocalDescription()).isNull();
    assertThat(pc.pendingRemoteDescription()).isNull();
    assertThat(states).containsExactly("have-remote-offer", "stable");
  }

  // -pranswer.html: pranswer then answer.
  @Test
  void pranswerThenAnswer() throws Exception {
    recordStates();
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    RTCSessionDescriptionInit answer = await(pc.createAnswer());
    await(pc.setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.PRANSWER, answer.sdp())));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_PRANSWER);
    assertThat(pc.pendingLocalDescription().type()).isEqualTo(RTCSdpType.PRANSWER);
    assertThat(pc.currentLocalDescription()).isNull();
    await(pc.setLocalDescription(answer));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    assertThat(states).containsExactly("have-remote-offer", "have-local-pranswer", "stable");
  }

  // -parameterless: SLD() in stable makes an offer, in have-remote-offer an answer.
  @Test
  void parameterless() throws Exception {
    pc.createDataChannel("x");
    await(pc.setLocalDescription());
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
    assertThat(pc.localDescription().type()).isEqualTo(RTCSdpType.OFFER);
    try (RTCPeerConnection answerer = new RTCPeerConnection()) {
      await(answerer.setRemoteDescription(pc.localDescription()));
      await(answerer.setLocalDescription());
      assertThat(answerer.signalingState()).isEqualTo(RTCSignalingState.STABLE);
      assertThat(answerer.localDescription().type()).isEqualTo(RTCSdpType.ANSWER);
      await(pc.setRemoteDescription(answerer.localDescription()));
      assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    }
  }

  // -setLocalDescription-rollback.html
  @Test
  void localRollback() throws Exception {
    rejects(
        "InvalidStateError",
        pc.setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "")));
    pc.createDataChannel("x");
    await(pc.setLocalDescription());
    recordStates();
    await(pc.setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "")));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    assertThat(pc.localDescription()).isNull();
    assertThat(states).containsExactly("stable");
  }

  // -setLocalDescription-rollback.html "setLocalDescription(rollback) after setting a remote offer
  // should reject with InvalidStateError"
  @Test
  void localRollbackAfterARemoteOfferIsInvalidState() throws Exception {
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    rejects(
        "InvalidStateError",
        pc.setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "")));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_REMOTE_OFFER);
  }

  // -setRemoteDescription-rollback.html "setRemoteDescription(rollback) after setting a local
  // offer should reject with InvalidStateError"
  @Test
  void remoteRollbackAfterALocalOfferIsInvalidState() throws Exception {
    pc.createDataChannel("x");
    await(pc.setLocalDescription(await(pc.createOffer())));
    rejects(
        "InvalidStateError",
        pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "")));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
  }

  // -parameterless "Parameterless SLD() never settles if closed while pending": WPT calls SLD()
  // and close() in one task; here that task runs on the connection's event queue. Then the same
  // from a test thread (issue 15: "a plain call-then-close ... must in practice not settle").
  @Test
  void parameterlessNeverSettlesIfClosedWhilePending() throws Exception {
    java.util.concurrent.CompletableFuture<java.util.concurrent.CompletableFuture<Void>> inOneTask =
        new java.util.concurrent.CompletableFuture<>();
    pc.post(
        () -> {
          java.util.concurrent.CompletableFuture<Void> p = pc.setLocalDescription();
          pc.close();
          inOneTask.complete(p);
        });
    java.util.concurrent.CompletableFuture<Void> p =
        inOneTask.get(5, java.util.concurrent.TimeUnit.SECONDS);
    List<java.util.concurrent.CompletableFuture<Void>> offThread = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      try (RTCPeerConnection other = new RTCPeerConnection()) {
        offThread.add(other.setLocalDescription());
        other.close();
      }
    }
    Thread.sleep(300);
    assertThat(p).isNotDone();
    assertThat(offThread).noneMatch(java.util.concurrent.CompletableFuture::isDone);
  }

  // -setRemoteDescription-rollback.html
  // "setRemoteDescription(rollback) in have-remote-offer state should revert to stable state"
  @Test
  void remoteRollback() throws Exception {
    recordStates();
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    assertThat(pc.remoteDescription()).isNotNull();
    assertThat(pc.pendingRemoteDescription()).isNotNull();
    assertThat(pc.currentRemoteDescription()).isNull();
    await(pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "")));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    assertThat(pc.remoteDescription()).isNull();
    assertThat(pc.pendingRemoteDescription()).isNull();
    assertThat(pc.currentRemoteDescription()).isNull();
    assertThat(states).containsExactly("have-remote-offer", "stable");
  }

  // "setRemoteDescription(rollback) from stable state should reject with InvalidStateError"
  // "setRemoteDescription(rollback) should ignore invalid sdp content and succeed"
  @Test
  void remoteRollbackStateAndSdp() throws Exception {
    rejects(
        "InvalidStateError",
        pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "")));
    await(pc.setRemoteDescription(Wpt.jsepOffer()));
    await(
        pc.setRemoteDescription(
            new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "!<Invalid SDP Content>;")));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
  }

  // -setRemoteDescription.html: malformed SDP is an RTCError with sdp-syntax-error.
  @Test
  void malformedSdpIsAnRtcErrorWithTheLine() throws Exception {
    String sdp = Wpt.JSEP_OFFER.replace("a=mid:v1", "a=mid:v1\r\nthis is not sdp");
    DOMException e =
        rejects(
            "OperationError",
            pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, sdp)));
    assertThat(e).isInstanceOf(RTCError.class);
    RTCError error = (RTCError) e;
    assertThat(error.errorDetail()).isEqualTo(RTCErrorDetailType.SDP_SYNTAX_ERROR);
    assertThat(error.getMessage()).contains("this is not sdp");
    assertThat(error.sdpLineNumber()).isNotNull();
    assertThat(sdp.split("\r\n")[error.sdpLineNumber() - 1]).isEqualTo("this is not sdp");
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    // Nothing is lost: the connection still works.
    await(pc.setRemoteDescription(Wpt.jsepOffer()));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_REMOTE_OFFER);
  }

  @Test
  void garbageSdpIsRejectedNotCrashed() throws Exception {
    for (String garbage : new String[] {"", "garbage", "v=0\r\n", "\u0000\u0001\u00ff"}) {
      Throwable t =
          Wpt.failure(
              pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, garbage)));
      assertThat(t).isInstanceOf(DOMException.class);
    }
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
  }

  // -setRemoteDescription-answer.html: an answer in stable is InvalidStateError.
  @Test
  void remoteAnswerInStable() throws Exception {
    rejects(
        "InvalidStateError",
        pc.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.ANSWER, Wpt.JSEP_OFFER)));
  }

  // -setRemoteDescription-offer.html: "setRemoteDescription(offer) from have-local-offer should
  // roll back and succeed" (implicit rollback).
  @Test
  void implicitRollback() throws Exception {
    pc.createDataChannel("x");
    await(pc.setLocalDescription());
    recordStates();
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_REMOTE_OFFER);
    assertThat(pc.pendingLocalDescription()).isNull();
    assertThat(states).containsExactly("stable", "have-remote-offer");
  }

  // SPEC-NOTES: SRD(offer); addIceCandidate(c) issued back to back must succeed.
  @Test
  void chainedWithoutWaiting() throws Exception {
    var srd = pc.setRemoteDescription(Wpt.jsepOffer());
    var add =
        pc.addIceCandidate(
            new RTCIceCandidateInit(
                "candidate:1 1 udp 2113929471 10.203.0.2 10100 typ host", "a1", 0, "ETEn"));
    await(srd);
    await(add);
    assertThat(pc.remoteDescription().sdp())
        .contains("a=candidate:1 1 udp 2113929471 10.203.0.2 10100 typ host");
  }
}

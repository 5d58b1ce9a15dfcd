package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static io.github.jrtc.Wpt.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.internal.sdp.MediaSection;
import io.github.jrtc.internal.sdp.Sdp;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ports of WPT webrtc/RTCPeerConnection-createAnswer.html and the MDN createAnswer() page, on real
 * libwebrtc.
 */
class CreateAnswerIT {
  private final RTCPeerConnection pc = new RTCPeerConnection();

  @AfterEach
  void close() {
    pc.close();
  }

  // "createAnswer() with null remoteDescription should reject with InvalidStateError"
  @Test
  void nullRemoteDescriptionRejectsWithInvalidStateError() throws Exception {
    rejects("InvalidStateError", pc.createAnswer());
  }

  // "createAnswer() after setting remote description should succeed"; plus MDN: the answer has
  // the offer's m-lines and mids in order, and createAnswer changes no state.
  @Test
  void afterSettingRemoteDescriptionSucceeds() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    await(pc.setRemoteDescription(Wpt.jsepOffer()));
    pc.onsignalingstatechange(e -> events.add("signalingstatechange"));
    RTCSessionDescriptionInit answer = await(pc.createAnswer());
    assertThat(answer.type()).isEqualTo(RTCSdpType.ANSWER);
    List<MediaSection> offered = Sdp.mediaSections(Wpt.JSEP_OFFER);
    List<MediaSection> answered = Sdp.mediaSections(answer.sdp());
    assertThat(answered).extracting(MediaSection::mid).containsExactly("a1", "v1");
    assertThat(answered)
        .extracting(MediaSection::kind)
        .containsExactlyElementsOf(offered.stream().map(MediaSection::kind).toList());
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_REMOTE_OFFER);
    assertThat(pc.localDescription()).isNull();
    assertThat(events).isEmpty();
  }

  @Test
  void dataChannelOfferGivesADataChannelAnswer() throws Exception {
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    RTCSessionDescriptionInit answer = await(pc.createAnswer(new RTCAnswerOptions()));
    assertThat(Sdp.mediaSections(answer.sdp()))
        .singleElement()
        .extracting(MediaSection::kind)
        .isEqualTo("application");
  }

  // "createAnswer() when connection is closed reject with InvalidStateError"
  @Test
  void closedConnectionRejectsWithInvalidStateError() throws Exception {
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    pc.close();
    rejects("InvalidStateError", pc.createAnswer());
  }

  // "createAnswer() when connection is closed in parallel should never resolve". WPT calls both in
  // one task, so no resolution can come between them; here that task runs on the connection's event
  // queue. (From another thread, a descheduled caller may legitimately see the answer resolve
  // before its close() begins: a CI run did.)
  @Test
  void closedInParallelNeverResolves() throws Exception {
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    CompletableFuture<CompletableFuture<RTCSessionDescriptionInit>> inOneTask =
        new CompletableFuture<>();
    pc.post(
        () -> {
          CompletableFuture<RTCSessionDescriptionInit> answer = pc.createAnswer();
          pc.close();
          inOneTask.complete(answer);
        });
    CompletableFuture<RTCSessionDescriptionInit> answer = inOneTask.get(5, TimeUnit.SECONDS);
    Thread.sleep(300);
    assertThat(answer).isNotDone();
  }

  // The same, called from a test thread: the answer is usually ready before createAnswer() has
  // returned, and must still not settle once close() follows the call (issue 15, item 2).
  @Test
  void callThenCloseFromAnotherThreadNeverResolves() throws Exception {
    RTCSessionDescriptionInit offer = Wpt.dataChannelOffer();
    List<CompletableFuture<RTCSessionDescriptionInit>> answers = new java.util.ArrayList<>();
    List<CompletableFuture<RTCSessionDescriptionInit>> offers = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      try (RTCPeerConnection other = new RTCPeerConnection()) {
        await(other.setRemoteDescription(offer));
        answers.add(other.createAnswer());
        other.close();
      }
      try (RTCPeerConnection other = new RTCPeerConnection()) {
        offers.add(other.createOffer());
        other.close();
      }
    }
    Thread.sleep(300);
    assertThat(answers).noneMatch(CompletableFuture::isDone);
    assertThat(offers).noneMatch(CompletableFuture::isDone);
  }

  @Test
  void haveLocalOfferRejectsWithInvalidStateError() throws Exception {
    pc.createDataChannel("x");
    await(pc.setLocalDescription());
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.HAVE_LOCAL_OFFER);
    rejects("InvalidStateError", pc.createAnswer());
  }

  // MDN's example, line by line: answer, set it, send it.
  @Test
  void mdnExample() throws Exception {
    CompletableFuture<String> sent = new CompletableFuture<>();
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    await(
        pc.createAnswer()
            .thenCompose(answer -> pc.setLocalDescription(answer))
            .thenRun(() -> sent.complete(pc.localDescription().toJSON()))
            .exceptionally(
                e -> {
                  sent.completeExceptionally(e);
                  return null;
                }));
    RTCSessionDescription sentDescription =
        RTCSessionDescription.fromJSON(sent.get(5, TimeUnit.SECONDS));
    assertThat(sentDescription.type()).isEqualTo(RTCSdpType.ANSWER);
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.STABLE);
    // The local description gains candidates as gathering goes on; the rest is what was sent.
    assertThat(Sdps.withoutCandidates(pc.currentLocalDescription().sdp()))
        .isEqualTo(Sdps.withoutCandidates(sentDescription.sdp()));
  }

  @Test
  @SuppressWarnings("deprecation")
  void legacyCallbackForm() throws Exception {
    await(pc.setRemoteDescription(Wpt.dataChannelOffer()));
    CompletableFuture<RTCSessionDescriptionInit> got = new CompletableFuture<>();
    CompletableFuture<Void> returned =
        pc.createAnswer(got::complete, e -> got.completeExceptionally(e));
    assertThat(await(returned)).isNull();
    assertThat(got.get(5, TimeUnit.SECONDS).type()).isEqualTo(RTCSdpType.ANSWER);

    try (RTCPeerConnection stable = new RTCPeerConnection()) {
      CompletableFuture<DOMException> failed = new CompletableFuture<>();
      await(stable.createAnswer(a -> failed.complete(null), failed::complete));
      assertThat(failed.get(5, TimeUnit.SECONDS).name()).isEqualTo("InvalidStateError");
    }
  }
}

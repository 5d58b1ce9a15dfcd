package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Spec (setLocalDescription, then gathering): candidates are surfaced in tasks queued after the one
 * that resolves the SLD promise, so an app that sends the offer in SLD's callback never sends a
 * candidate first. Found by scripts/bench: with SLD called from an application thread (not the
 * event queue), about one connect in ten fired a candidate before the promise resolved, the peer
 * rejected it (no remote description yet) and ICE fell back to peer-reflexive or failed.
 */
class IceCandidateOrderIT {
  /** Adds what {@code atCandidate} says at each candidate; completes at the final null one. */
  private static CompletableFuture<Void> recordAtEachCandidate(
      RTCPeerConnection pc, BooleanSupplier atCandidate, List<Boolean> into) {
    CompletableFuture<Void> gathered = new CompletableFuture<>();
    pc.onicecandidate(
        e -> {
          if (e.candidate() == null) {
            gathered.complete(null);
          } else {
            into.add(atCandidate.getAsBoolean());
          }
        });
    return gathered;
  }

  @Test
  void noCandidateBeforeSetLocalDescriptionResolves() throws Exception {
    for (int i = 0; i < 30; i++) {
      try (RTCPeerConnection pc = new RTCPeerConnection()) {
        // The SLD future, once this thread has it back: a handler cannot see a Java future before
        // the call returns (in JS the callback would be attached by then).
        CompletableFuture<CompletableFuture<Void>> sld = new CompletableFuture<>();
        List<Boolean> resolvedAtCandidate = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> gathered =
            recordAtEachCandidate(pc, () -> sld.join().isDone(), resolvedAtCandidate);
        pc.createDataChannel("order");
        RTCSessionDescriptionInit offer = pc.createOffer().get(10, TimeUnit.SECONDS);
        // Called from this thread, racing the queue, as an application does.
        sld.complete(pc.setLocalDescription(offer));
        gathered.get(10, TimeUnit.SECONDS);
        assertThat(resolvedAtCandidate).as("round %d", i).isNotEmpty().doesNotContain(false);
      }
    }
  }

  // What an application on its own thread does to send the offer first (docs/api-conventions.md):
  // the callback attached to setLocalDescription's promise right after the call has run before
  // the first candidate, even with createOffer settled long before (the callback then is attached
  // by this thread, racing the queue that settles SLD).
  @Test
  void aCallbackAttachedToSetLocalDescriptionRunsBeforeAnyCandidate() throws Exception {
    for (int i = 0; i < 30; i++) {
      try (RTCPeerConnection pc = new RTCPeerConnection()) {
        AtomicBoolean offerSent = new AtomicBoolean();
        List<Boolean> sentAtCandidate = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> gathered =
            recordAtEachCandidate(pc, offerSent::get, sentAtCandidate);
        pc.createDataChannel("order");
        RTCSessionDescriptionInit offer = pc.createOffer().get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> sent =
            pc.setLocalDescription(offer).thenRun(() -> offerSent.set(true));
        gathered.get(10, TimeUnit.SECONDS);
        assertThat(sent).isDone();
        assertThat(sentAtCandidate).as("round %d", i).isNotEmpty().doesNotContain(false);
      }
    }
  }

  // WPT RTCPeerConnection-iceGatheringState.html "gathering state and candidate callbacks should
  // fire in the correct order": the transport's empty end-of-candidates candidate (gathering still
  // "gathering"), then, in the next task, the transport's gatheringstatechange, the connection's
  // icegatheringstatechange and the final null candidate (both "complete"); and "local description
  // should have a=end-of-candidates when gathering completes".
  @Test
  void endOfCandidatesThenStatesThenNull() throws Exception {
    try (RTCPeerConnection pc = new RTCPeerConnection()) {
      RTCRtpTransceiver transceiver =
          pc.addTransceiver(
              "audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY));
      List<String> events = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> done = new CompletableFuture<>();
      pc.onicecandidate(
          e -> {
            RTCIceTransport ice = transceiver.sender().transport().iceTransport();
            if (e.candidate() == null) {
              events.add("null " + ice.gatheringState() + " " + pc.iceGatheringState());
              done.complete(null);
            } else if (e.candidate().candidate().isEmpty()) {
              events.add(
                  "end-of-candidates mid="
                      + e.candidate().sdpMid()
                      + " "
                      + ice.gatheringState()
                      + " "
                      + pc.iceGatheringState());
            }
          });
      pc.onicegatheringstatechange(
          e -> events.add("icegatheringstatechange " + pc.iceGatheringState()));
      pc.setLocalDescription().get(10, TimeUnit.SECONDS);
      RTCIceTransport ice = transceiver.sender().transport().iceTransport();
      ice.ongatheringstatechange(e -> events.add("gatheringstatechange " + ice.gatheringState()));
      done.get(10, TimeUnit.SECONDS);
      String mid = transceiver.mid();
      assertThat(events)
          .containsSubsequence(
              "end-of-candidates mid=" + mid + " gathering gathering",
              "gatheringstatechange complete",
              "icegatheringstatechange complete",
              "null complete complete");
      assertThat(events.stream().filter(s -> s.startsWith("end-of-candidates")).count())
          .isEqualTo(1);
      assertThat(pc.localDescription().sdp()).contains("a=end-of-candidates");
    }
  }
}

package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ports of WPT webrtc/RTCPeerConnection-createOffer.html that need the spec's final steps. */
class CreateOfferIT {
  private static long audioLines(String sdp) {
    return sdp.lines().filter(l -> l.startsWith("m=audio ")).count();
  }

  // "When media stream is added when createOffer() is running in parallel, the result offer
  // should contain the new media stream" — called from a thread off the connection's queue, as a
  // plain Java caller would, many times (the native offer often beats the addTransceiver).
  @Test
  void transceiverAddedWhileCreateOfferRunsIsInTheOffer() throws Exception {
    for (int i = 0; i < 20; i++) {
      try (RTCPeerConnection pc = new RTCPeerConnection()) {
        CompletableFuture<RTCSessionDescriptionInit> p = pc.createOffer();
        pc.addTransceiver("audio");
        assertThat(audioLines(await(p).sdp())).as("m=audio lines, round %d", i).isEqualTo(1);
      }
    }
  }

  // The same inside one task of the connection's queue (JS's "same task"): deterministic.
  @Test
  void transceiverAddedInTheSameTaskIsInTheOffer() throws Exception {
    try (RTCPeerConnection pc = new RTCPeerConnection()) {
      CompletableFuture<CompletableFuture<RTCSessionDescriptionInit>> started =
          new CompletableFuture<>();
      pc.eventQueue()
          .execute(
              () -> {
                CompletableFuture<RTCSessionDescriptionInit> p = pc.createOffer();
                pc.addTransceiver("audio");
                started.complete(p);
              });
      RTCSessionDescriptionInit offer = await(started.get(10, TimeUnit.SECONDS));
      assertThat(audioLines(offer.sdp())).isEqualTo(1);
    }
  }
}

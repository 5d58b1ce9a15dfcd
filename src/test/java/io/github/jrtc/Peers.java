package io.github.jrtc;

import java.util.concurrent.CompletableFuture;

/** Test wiring: two in-process peers with trickle ICE, the way an app's signaling would. */
final class Peers {
  private Peers() {}

  /** Sends each side's candidates to the other, in order, as a signaling channel would. */
  static void trickle(RTCPeerConnection a, RTCPeerConnection b) {
    a.onicecandidate(e -> forward(e, b));
    b.onicecandidate(e -> forward(e, a));
  }

  private static void forward(RTCPeerConnectionIceEvent e, RTCPeerConnection to) {
    // The final null candidate means end-of-candidates, as addIceCandidate() does.
    CompletableFuture<Void> added =
        e.candidate() == null ? to.addIceCandidate() : to.addIceCandidate(e.candidate().toInit());
    added.exceptionally(
        err -> {
          if (!to.isClosedInternal()) {
            throw new AssertionError("addIceCandidate failed", err);
          }
          return null;
        });
  }

  /** a offers, b answers; resolves once both descriptions are applied on both sides. */
  static CompletableFuture<Void> negotiate(RTCPeerConnection a, RTCPeerConnection b) {
    return a.createOffer()
        .thenCompose(a::setLocalDescription)
        .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
        .thenCompose(v -> b.createAnswer())
        .thenCompose(b::setLocalDescription)
        .thenCompose(v -> a.setRemoteDescription(b.localDescription()));
  }
}

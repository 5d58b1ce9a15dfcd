package io.github.jrtc;

import io.github.jrtc.internal.loop.Futures;
import java.util.concurrent.CompletableFuture;

/** Test wiring: two in-process peers with trickle ICE, the way an app's signaling would. */
final class Peers {
  private Peers() {}

  /**
   * Sends each side's candidates to the other, in order, as a signaling channel would; a rejected
   * candidate fails the running test (CandidateForwardingCheck) and fails {@link #negotiate}.
   */
  static CandidateForwarding trickle(RTCPeerConnection a, RTCPeerConnection b) {
    return CandidateForwardingCheck.checkAfterTest(CandidateForwarding.between(a, b));
  }

  /**
   * a offers, b answers; resolves once both descriptions are applied on both sides, or fails with
   * the first candidate rejected between them (when {@link #trickle} wired them).
   *
   * <p>The chain is built in a task of a's event queue, as JS builds it in one task: each stage is
   * then attached before the one before it can settle, so it runs in that promise's task, before
   * the candidate events queued after it. Built on the test thread, a stage attached after its
   * predecessor settled (a busy machine descheduling the test thread between two {@code
   * thenCompose} calls) is queued behind the held candidate events that SLD releases, and b then
   * gets a's candidates before b.setRemoteDescription is even called: InvalidStateError.
   */
  static CompletableFuture<Void> negotiate(RTCPeerConnection a, RTCPeerConnection b) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    a.eventQueue()
        .execute(
            () ->
                Futures.onComplete(
                    a.createOffer()
                        .thenCompose(a::setLocalDescription)
                        .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
                        .thenCompose(v -> b.createAnswer())
                        .thenCompose(b::setLocalDescription)
                        .thenCompose(v -> a.setRemoteDescription(b.localDescription())),
                    (v, err) -> {
                      if (err != null) {
                        done.completeExceptionally(err);
                      } else {
                        done.complete(null);
                      }
                    }));
    CandidateForwarding forwarding = CandidateForwardingCheck.between(a, b);
    return forwarding == null ? done : forwarding.unlessRejected(done);
  }
}

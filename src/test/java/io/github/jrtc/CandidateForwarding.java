package io.github.jrtc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test wiring shared by every test and bench that connects two in-process peers: each side's
 * candidates go to the other, in order, as an app's signaling channel would send them, and every
 * candidate the far side rejects is kept, so that a rejected candidate fails the test by name
 * instead of showing up later as a connection that never comes up.
 *
 * <p>A candidate reaches the far side only once that side has a remote description, as on an
 * ordered signaling channel where the description was sent first: tests hand descriptions over
 * themselves, step by step from the test thread, while candidates are forwarded at once, so without
 * this the far side gets candidates before the description they belong to (InvalidStateError, which
 * the old forwarding dropped silently). Held candidates go out, in order, at the far side's next
 * signalingstatechange that leaves it with a remote description.
 *
 * <p>A rejection by a connection that is already closed is not kept: the test closed it.
 */
public final class CandidateForwarding {
  private final RTCPeerConnection a;
  private final RTCPeerConnection b;
  private final List<Throwable> rejections = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> firstRejection = new CompletableFuture<>();
  // Guarded by this: whether each side has a remote description, and what waits for one.
  private final List<Runnable> heldForA = new ArrayList<>();
  private final List<Runnable> heldForB = new ArrayList<>();
  private boolean aReady;
  private boolean bReady;

  private CandidateForwarding(RTCPeerConnection a, RTCPeerConnection b) {
    this.a = a;
    this.b = b;
  }

  /**
   * Sends a's candidates to b and b's to a (replacing both {@code onicecandidate} handlers), the
   * final null candidate as end-of-candidates.
   */
  public static CandidateForwarding between(RTCPeerConnection a, RTCPeerConnection b) {
    CandidateForwarding f = new CandidateForwarding(a, b);
    a.onicecandidate(e -> f.forward(e, b, "a → b"));
    b.onicecandidate(e -> f.forward(e, a, "b → a"));
    a.addEventListener("signalingstatechange", (Event e) -> f.remoteDescriptionChanged(a));
    b.addEventListener("signalingstatechange", (Event e) -> f.remoteDescriptionChanged(b));
    return f;
  }

  /** Whether this forwards between these two connections (in either order). */
  boolean connects(RTCPeerConnection x, RTCPeerConnection y) {
    return (a == x && b == y) || (a == y && b == x);
  }

  private synchronized void remoteDescriptionChanged(RTCPeerConnection pc) {
    boolean ready = pc.remoteDescription() != null;
    List<Runnable> held = pc == a ? heldForA : heldForB;
    if (pc == a) {
      aReady = ready;
    } else {
      bReady = ready;
    }
    if (ready) {
      // Sent under the lock (addIceCandidate only queues), so none overtakes them.
      held.forEach(Runnable::run);
      held.clear();
    }
  }

  private synchronized void forward(
      RTCPeerConnectionIceEvent e, RTCPeerConnection to, String direction) {
    Runnable send = () -> send(e.candidate(), to, direction);
    if (to == a ? aReady : bReady) {
      send.run();
    } else {
      (to == a ? heldForA : heldForB).add(send);
    }
  }

  private void send(RTCIceCandidate c, RTCPeerConnection to, String direction) {
    // The final null candidate means end-of-candidates, as addIceCandidate() does.
    CompletableFuture<Void> added =
        c == null ? to.addIceCandidate() : to.addIceCandidate(c.toInit());
    var unused =
        added.whenComplete(
            (v, err) -> {
              if (err != null && !to.isClosedInternal()) {
                AssertionError rejected =
                    new AssertionError(
                        "addIceCandidate("
                            + (c == null ? "end-of-candidates" : c.candidate())
                            + ") "
                            + direction
                            + " was rejected: "
                            + err,
                        err);
                rejections.add(rejected);
                firstRejection.completeExceptionally(rejected);
              }
            });
  }

  /** Every rejection so far, in the order they happened. */
  public List<Throwable> rejections() {
    return List.copyOf(rejections);
  }

  /**
   * {@code future}, failed instead with the first rejection if a candidate is rejected before it
   * completes: a wait on it then ends with the cause instead of a timeout.
   */
  public <T> CompletableFuture<T> unlessRejected(CompletableFuture<T> future) {
    CompletableFuture<T> guarded = new CompletableFuture<>();
    var unusedResult =
        future.whenComplete(
            (v, err) -> {
              if (err != null) {
                guarded.completeExceptionally(err);
              } else {
                guarded.complete(v);
              }
            });
    var unusedRejection =
        firstRejection.whenComplete(
            (v, err) -> {
              if (err != null) {
                guarded.completeExceptionally(err);
              }
            });
    return guarded;
  }

  /** Throws the first rejection (the others suppressed in it), if any. */
  public void check() {
    if (rejections.isEmpty()) {
      return;
    }
    AssertionError first =
        new AssertionError(rejections.size() + " candidate(s) rejected", rejections.get(0));
    rejections.stream().skip(1).forEach(first::addSuppressed);
    throw first;
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.fuzz.SdpFuzzer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Eight threads call every method of one connected connection while another thread closes it; and
 * close() lands while each kind of operation is pending. No event after close() returned, no
 * exception but the spec's, no deadlock (every thread ends in time, else a thread dump).
 */
class ConcurrencyIT {
  private static final String[] PC_EVENTS = {
    "icecandidate", "icecandidateerror", "icegatheringstatechange", "iceconnectionstatechange",
    "connectionstatechange", "signalingstatechange", "negotiationneeded", "datachannel"
  };
  private static final String[] CHANNEL_EVENTS = {
    "open", "message", "bufferedamountlow", "error", "closing", "close"
  };
  private static final String CANDIDATE = "candidate:1 1 udp 2122260223 10.203.0.2 50000 typ host";
  private static final long T = 20;

  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger calls = new AtomicInteger();

  /** Records any event of {@code target} dispatched after {@code closed} became true. */
  private void watch(EventTarget target, String[] types, AtomicBoolean closed, String who) {
    for (String type : types) {
      target.addEventListener(
          type,
          e -> {
            if (closed.get()) {
              failures.add(who + ": '" + type + "' event after close() returned");
            }
          });
    }
  }

  private void expectSpecError(Throwable t, String what) {
    Throwable c = t instanceof java.util.concurrent.CompletionException ? t.getCause() : t;
    if (!(c instanceof DOMException) && !(c instanceof TypeError)) {
      failures.add(what + ": " + c);
    }
  }

  private void attempt(String what, Runnable body) {
    calls.incrementAndGet();
    try {
      body.run();
    } catch (RuntimeException e) {
      expectSpecError(e, what);
    }
  }

  private void attemptAsync(String what, Supplier<CompletableFuture<?>> body) {
    calls.incrementAndGet();
    try {
      CompletableFuture<?> unused =
          body.get()
              .whenComplete(
                  (v, e) -> {
                    if (e != null) {
                      expectSpecError(e, what);
                    }
                  });
    } catch (RuntimeException e) {
      failures.add(what + " threw instead of rejecting: " + e);
    }
  }

  @Test
  void eightThreadsHammerWhileAnotherCloses() throws Exception {
    int rounds = 12;
    for (int round = 0; round < rounds; round++) {
      hammerRound(round);
    }
    ReliabilityReport.row(
        "concurrency (8 threads + closer)", calls.get(), failures.size(), rounds + " rounds");
    assertThat(failures).isEmpty();
  }

  private void hammerRound(int round) throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    Peers.trickle(a, b);
    AtomicBoolean closed = new AtomicBoolean();
    watch(a, PC_EVENTS, closed, "pc");
    CompletableFuture<Void> open = new CompletableFuture<>();
    RTCDataChannel ch = a.createDataChannel("hammer");
    ch.onopen(e -> open.complete(null));
    Peers.negotiate(a, b).get(T, TimeUnit.SECONDS);
    open.get(T, TimeUnit.SECONDS);
    watch(ch, CHANNEL_EVENTS, closed, "channel");
    String offer = a.localDescription().sdp();

    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      long seed = round * 100L + i;
      Thread t =
          new Thread(
              () -> {
                SplittableRandom r = new SplittableRandom(seed);
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                while (!stop.get()) {
                  hammerOnce(a, ch, offer, r);
                }
              },
              "hammer-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
    start.countDown();
    Thread.sleep(20 + new SplittableRandom(round).nextInt(80));
    Thread closer =
        new Thread(
            () -> {
              a.close();
              closed.set(true);
            },
            "closer");
    closer.start();
    closer.join(TimeUnit.SECONDS.toMillis(T));
    // Keep hammering the closed connection a little: every call must still be answered.
    Thread.sleep(50);
    stop.set(true);
    for (Thread t : threads) {
      t.join(TimeUnit.SECONDS.toMillis(T));
    }
    boolean stuck = closer.isAlive() || threads.stream().anyMatch(Thread::isAlive);
    if (stuck) {
      failures.add("round " + round + " deadlocked:\n" + SdpFuzzer.threadDumpOf());
    }
    // Late native events would arrive now.
    Thread.sleep(200);
    b.close();
    assertThat(stuck).as("deadlock; thread dump in failures").isFalse();
  }

  private void hammerOnce(
      RTCPeerConnection a, RTCDataChannel ch, String offer, SplittableRandom r) {
    switch (r.nextInt(16)) {
      case 0 -> attemptAsync("createOffer", a::createOffer);
      case 1 -> attemptAsync("createAnswer", a::createAnswer);
      case 2 ->
          attemptAsync(
              "setLocalDescription",
              () -> a.setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, offer)));
      case 3 ->
          attemptAsync(
              "setRemoteDescription",
              () -> a.setRemoteDescription(new RTCSessionDescriptionInit(RTCSdpType.OFFER, offer)));
      case 4 ->
          attemptAsync(
              "addIceCandidate",
              () -> a.addIceCandidate(new RTCIceCandidateInit(CANDIDATE, "0", 0, null)));
      case 5 -> attemptAsync("getStats", a::getStats);
      case 6 -> attempt("createDataChannel", () -> a.createDataChannel("c" + r.nextInt(100)));
      case 7 -> attempt("setConfiguration", () -> a.setConfiguration(a.getConfiguration()));
      case 8 -> attempt("restartIce", a::restartIce);
      case 9 ->
          attempt(
              "getters",
              () -> {
                a.signalingState();
                a.connectionState();
                a.iceGatheringState();
                a.localDescription();
                a.remoteDescription();
                a.canTrickleIceCandidates();
              });
      case 10, 11 -> attempt("send", () -> ch.send("m" + r.nextInt()));
      case 12 -> attempt("send bytes", () -> ch.send(new byte[r.nextInt(2000)]));
      case 13 ->
          attempt(
              "channel getters",
              () -> {
                ch.bufferedAmount();
                ch.readyState();
                ch.id();
              });
      case 14 ->
          attemptAsync(
              "rollback",
              () -> a.setLocalDescription(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, "")));
      default -> attempt("handlers", () -> a.onnegotiationneeded(e -> {}));
    }
  }

  @Test
  void closeWhileEachOperationIsPending() throws Exception {
    String[] ops = {
      "createOffer",
      "createAnswer",
      "setLocalDescription",
      "setRemoteDescription",
      "addIceCandidate",
      "getStats",
      "createDataChannel",
      "setConfiguration",
      "restartIce"
    };
    int repeats = 15;
    String offer;
    try (RTCPeerConnection o = new RTCPeerConnection()) {
      o.createDataChannel("x");
      offer = o.createOffer().get(T, TimeUnit.SECONDS).sdp();
    }
    RTCSessionDescriptionInit remoteOffer = new RTCSessionDescriptionInit(RTCSdpType.OFFER, offer);
    for (String op : ops) {
      for (int i = 0; i < repeats; i++) {
        RTCPeerConnection pc = new RTCPeerConnection();
        AtomicBoolean closed = new AtomicBoolean();
        watch(pc, PC_EVENTS, closed, op);
        pc.createDataChannel("pending");
        if (op.equals("createAnswer") || op.equals("addIceCandidate")) {
          pc.setRemoteDescription(remoteOffer).get(T, TimeUnit.SECONDS);
        }
        RTCSessionDescriptionInit own =
            op.equals("setLocalDescription") ? pc.createOffer().get(T, TimeUnit.SECONDS) : null;
        Runnable start =
            switch (op) {
              case "createOffer" -> () -> attemptAsync(op, pc::createOffer);
              case "createAnswer" -> () -> attemptAsync(op, pc::createAnswer);
              case "setLocalDescription" ->
                  () -> attemptAsync(op, () -> pc.setLocalDescription(own));
              case "setRemoteDescription" ->
                  () -> attemptAsync(op, () -> pc.setRemoteDescription(remoteOffer));
              case "addIceCandidate" ->
                  () ->
                      attemptAsync(
                          op,
                          () ->
                              pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE, "0", 0, null)));
              case "getStats" -> () -> attemptAsync(op, pc::getStats);
              case "createDataChannel" -> () -> attempt(op, () -> pc.createDataChannel("more"));
              case "setConfiguration" ->
                  () -> attempt(op, () -> pc.setConfiguration(pc.getConfiguration()));
              default -> () -> attempt(op, pc::restartIce);
            };
        // Half the time close from another thread racing the call, else right after it.
        if (i % 2 == 0) {
          start.run();
          pc.close();
          closed.set(true);
        } else {
          Thread closer =
              new Thread(
                  () -> {
                    pc.close();
                    closed.set(true);
                  },
                  "closer");
          closer.start();
          start.run();
          closer.join(TimeUnit.SECONDS.toMillis(T));
          if (closer.isAlive()) {
            failures.add(op + ": close() deadlocked:\n" + SdpFuzzer.threadDumpOf());
          }
        }
      }
    }
    Thread.sleep(300);
    ReliabilityReport.row(
        "close during pending operation",
        (long) ops.length * repeats,
        failures.size(),
        ops.length + " operation types");
    assertThat(failures).isEmpty();
  }
}

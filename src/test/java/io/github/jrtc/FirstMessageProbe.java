package io.github.jrtc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * Fresh pairs where one side sends a burst the moment its channel opens, as Chromium's interop peer
 * does, and the other must see every message from the first on. Run in {@link FirstMessageIT}'s JVM
 * (jrtc's native observer) and in a child JVM with {@code -Djrtc.native=false} (webrtc-java's
 * observer); prints {@code RESULT <rounds> <failures>} and one {@code FAIL} line per lost or
 * reordered burst.
 */
public final class FirstMessageProbe {
  static final int BURST = 20;

  /** Who creates the channel and who sends the burst on open. */
  enum Scenario {
    /** The offerer creates an in-band channel; the answerer sends from its ondatachannel side. */
    REMOTE_SENDS,
    /** As REMOTE_SENDS, after audio and video m-lines (BUNDLE moves SCTP at the answer). */
    REMOTE_SENDS_WITH_MEDIA,
    /** The offerer creates it and sends; the answerer sets onmessage inside ondatachannel. */
    LOCAL_SENDS,
    /** Negotiated channels on both sides; one sends on open. */
    NEGOTIATED
  }

  private FirstMessageProbe() {}

  public static void main(String[] args) {
    int rounds = Integer.parseInt(args[0]);
    ChildJvm.runThenHalt(
        () -> {
          List<String> failures = run(rounds);
          failures.forEach(f -> System.out.println("FAIL " + f));
          System.out.println("RESULT " + rounds + " " + failures.size());
        });
  }

  /** Runs {@code rounds} pairs per scenario; returns what went wrong, empty when nothing did. */
  static List<String> run(int rounds) throws Exception {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      for (Scenario s : Scenario.values()) {
        List<String> got = round(s);
        if (!got.equals(expected())) {
          failures.add(s + " round " + i + ": got " + got);
        }
      }
    }
    return failures;
  }

  static List<String> expected() {
    List<String> e = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      e.add("m" + i);
    }
    return e;
  }

  private static List<String> round(Scenario scenario) throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    List<String> got = new CopyOnWriteArrayList<>();
    try {
      Peers.trickle(a, b);
      switch (scenario) {
        case REMOTE_SENDS, REMOTE_SENDS_WITH_MEDIA -> {
          if (scenario == Scenario.REMOTE_SENDS_WITH_MEDIA) {
            a.addTransceiver("audio");
            a.addTransceiver("video");
          }
          RTCDataChannel local = a.createDataChannel("first");
          local.onmessage(e -> got.add(String.valueOf(e.data())));
          b.ondatachannel(e -> sendOnOpen(e.channel()));
        }
        case LOCAL_SENDS -> {
          sendOnOpen(a.createDataChannel("first"));
          b.ondatachannel(e -> e.channel().onmessage(m -> got.add(String.valueOf(m.data()))));
        }
        case NEGOTIATED -> {
          RTCDataChannelInit init = RTCDataChannelInit.builder().negotiated(true).id(3).build();
          RTCDataChannel receiver = a.createDataChannel("first", init);
          receiver.onmessage(e -> got.add(String.valueOf(e.data())));
          sendOnOpen(b.createDataChannel("first", init));
        }
      }
      Peers.negotiate(a, b).get(10, TimeUnit.SECONDS);
      try {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> got.size() >= BURST);
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        // Reported through the comparison, with what did arrive.
      }
      return new ArrayList<>(got);
    } finally {
      a.close();
      b.close();
    }
  }

  /** Sends the burst in the open handler itself (or at once if already open), in one task. */
  private static void sendOnOpen(RTCDataChannel dc) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    Runnable burst =
        () -> {
          if (sent.complete(null)) {
            for (int i = 0; i < BURST; i++) {
              dc.send("m" + i);
            }
          }
        };
    dc.onopen(e -> burst.run());
    if (dc.readyState() == RTCDataChannelState.OPEN) {
      burst.run();
    }
  }
}

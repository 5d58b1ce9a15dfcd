package io.github.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCDataChannelState;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.RTCStats;
import io.github.jrtc.RTCStatsReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The jrtc side of one interop case: negotiates with a {@link PeerLink} in the given direction,
 * then verifies connected on both sides, one data channel message each way (byte-exact, with
 * non-ASCII text so byte and character counts differ), getStats against what was sent and received
 * on both sides, and a clean hang-up.
 */
final class InteropCase {
  static final String JRTC_GREETING = "hello from jrtc ✓";
  private static final Duration STEP = Duration.ofSeconds(20);

  private final PeerLink peer;
  private final Direction direction;
  private boolean trickleToPeer = true;
  private boolean echo;
  private String echoReply;
  private String label;
  private Function<String, String> remoteSdpFixup = Function.identity();
  private int peerWidth;
  private int peerHeight;
  private int jrtcWidth;
  private int jrtcHeight;
  private JrtcMediaSender sender;
  private final MediaProbe probe = new MediaProbe();

  private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
  private final CompletableFuture<Long> connected = new CompletableFuture<>();
  private final CompletableFuture<Void> gathered = new CompletableFuture<>();
  private final CompletableFuture<RTCDataChannel> channel = new CompletableFuture<>();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final CompletableFuture<Void> firstReceived = new CompletableFuture<>();
  private final CompletableFuture<Void> channelClosed = new CompletableFuture<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<RTCPeerConnectionState> states = new CopyOnWriteArrayList<>();
  private RTCPeerConnection pc;
  private long start;

  InteropCase(PeerLink peer, Direction direction) {
    this.peer = peer;
    this.direction = direction;
    this.label = direction.describe(peer.peer());
  }

  /**
   * Off for peers that cannot take trickled candidates (aiortc): jrtc then sends its description
   * once gathering is complete, with every candidate in it.
   */
  InteropCase trickleToPeer(boolean trickle) {
    this.trickleToPeer = trickle;
    return this;
  }

  /**
   * The peer reflects what it receives (Janus echotest) instead of speaking the protocol; {@code
   * reply} is what comes back for jrtc's greeting.
   */
  InteropCase echo(String label, String reply) {
    this.echo = true;
    this.echoReply = reply;
    this.label = label;
    return this;
  }

  /**
   * The peer sends audio and video of this frame size; jrtc verifies what it decodes (getStats
   * inbound-rtp: size, ≥ 20 fps, audio level) and that its counts agree with the peer's.
   */
  InteropCase peerSendsMedia(int width, int height) {
    this.peerWidth = width;
    this.peerHeight = height;
    return this;
  }

  /**
   * jrtc sends a moving pattern of this size at 30 fps and a 440 Hz tone ({@link JrtcMediaSender});
   * the peer reports what it decodes (or, with {@link #echo}, jrtc's own sinks check what comes
   * back).
   */
  InteropCase jrtcSendsMedia(int width, int height) {
    this.jrtcWidth = width;
    this.jrtcHeight = height;
    return this;
  }

  /** What an application must do to the peer's SDP before applying it (documented quirks). */
  InteropCase remoteSdpFixup(Function<String, String> fixup) {
    this.remoteSdpFixup = fixup;
    return this;
  }

  InteropResult run() throws Exception {
    pc = new RTCPeerConnection();
    if (jrtcWidth > 0) {
      sender = new JrtcMediaSender(jrtcWidth, jrtcHeight);
    }
    try {
      return negotiateAndVerify();
    } finally {
      // Sinks first: removing a sink from a remote track after pc.close() released the native
      // connection is a SIGSEGV in webrtc-java (VideoTrack.removeSinkInternal).
      probe.close();
      pc.close();
      if (sender != null) {
        sender.close();
      }
      keepSignaling();
    }
  }

  private InteropResult negotiateAndVerify() throws Exception {
    pc.onconnectionstatechange(
        e -> {
          RTCPeerConnectionState s = pc.connectionState();
          states.add(s);
          if (s == RTCPeerConnectionState.CONNECTED) {
            connected.complete(elapsedMs());
          } else if (s == RTCPeerConnectionState.FAILED) {
            connected.completeExceptionally(new AssertionError("jrtc connectionState failed"));
          }
        });
    pc.onicecandidate(
        e -> {
          if (e.candidate() == null) {
            gathered.complete(null);
          }
          if (trickleToPeer) {
            ObjectNode m = Messages.of("candidate");
            m.set(
                "candidate", e.candidate() == null ? null : Messages.parse(e.candidate().toJSON()));
            peer.send(m);
          }
        });
    pc.ondatachannel(e -> wire(e.channel()));
    pc.ontrack(probe::attach);
    peer.inbox().onMessage(this::fromPeer);

    start = System.nanoTime();
    boolean jrtcOffers = direction == Direction.JRTC_OFFERS;
    peer.send(
        Messages.of("start")
            .put("role", jrtcOffers ? "answer" : "offer")
            .put("media", peerWidth > 0));
    if (jrtcOffers) {
      wire(pc.createDataChannel("jrtc"));
      if (sender != null) {
        sender.addTo(pc);
      }
      // The offer goes out in setLocalDescription's own callback: attached to the promise before
      // this thread looks at it, it runs before any icecandidate event (docs/api-conventions.md).
      track(pc.createOffer().thenCompose(offer -> setLocalAndSend(offer)));
    }

    long msToConnected = waitFor("jrtc connectionState connected", connected);
    peer.inbox()
        .await(
            "the peer's connectionState connected",
            m -> Messages.is(m, "state") && "connected".equals(m.path("connectionState").asText()),
            STEP);

    RTCDataChannel dc = waitFor("a data channel", channel);
    waitFor("jrtc's data channel open", opened);
    try {
      waitFor("a message from the peer", firstReceived);
    } catch (AssertionError e) {
      // Whether libwebrtc counted the message tells a loss inside jrtc from one before it.
      throw new AssertionError(e.getMessage() + "; jrtc " + channelStats(), e);
    }
    String expected = echo ? echoReply : "hello from " + peer.peer() + " ✓";
    assertThat(received).containsExactly(expected);
    if (!echo) {
      JsonNode got = peer.inbox().awaitType("message", STEP);
      assertThat(got.path("data").asText()).isEqualTo(JRTC_GREETING);
    }

    MediaCheck media = null;
    if (peerWidth > 0 || sender != null) {
      int inWidth = echo && sender != null ? sender.width : peerWidth;
      int inHeight = echo && sender != null ? sender.height : peerHeight;
      media = new MediaCheck(pc, probe, inWidth, inHeight, sender, echo ? null : this::peerStats);
      media.run();
    }

    long sentBytes = utf8(JRTC_GREETING);
    long receivedBytes = utf8(expected);
    verifyJrtcStats(dc, sentBytes, receivedBytes);
    if (!echo) {
      JsonNode stats = peerStats(1);
      JsonNode theirs = stats.path("dataChannel");
      assertThat(theirs.path("messagesReceived").asLong()).as("peer messagesReceived").isEqualTo(1);
      assertThat(theirs.path("bytesReceived").asLong())
          .as("peer bytesReceived")
          .isEqualTo(sentBytes);
      assertThat(theirs.path("messagesSent").asLong()).as("peer messagesSent").isEqualTo(1);
      assertThat(theirs.path("bytesSent").asLong()).as("peer bytesSent").isEqualTo(receivedBytes);
    }

    hangUp(dc);
    return new InteropResult(
        peer.peer(),
        peer.version(),
        label,
        msToConnected,
        media == null ? "none sent" : media.frames(),
        media == null ? "none sent" : media.audio(),
        "1 sent, 1 received" + (echo ? " (echo)" : ""));
  }

  private String channelStats() {
    try {
      return pc.getStats().get(5, TimeUnit.SECONDS).ofType("data-channel").stream()
          .map(RTCStats::toString)
          .toList()
          .toString();
    } catch (Exception e) {
      return "data-channel stats unavailable: " + e;
    }
  }

  private void verifyJrtcStats(RTCDataChannel dc, long sentBytes, long receivedBytes) {
    // libwebrtc counts on its network thread; the counters may trail the message events.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              RTCStatsReport report = pc.getStats().get(5, TimeUnit.SECONDS);
              List<RTCStats> channels =
                  report.ofType("data-channel").stream()
                      .filter(s -> dc.label().equals(s.get("label")))
                      .toList();
              assertThat(channels).as("data-channel stats for %s", dc.label()).hasSize(1);
              RTCStats s = channels.get(0);
              assertThat(s.get("state")).isEqualTo("open");
              assertThat(s.getLong("messagesSent", -1)).as("messagesSent").isEqualTo(1);
              assertThat(s.getLong("bytesSent", -1)).as("bytesSent").isEqualTo(sentBytes);
              assertThat(s.getLong("messagesReceived", -1)).as("messagesReceived").isEqualTo(1);
              assertThat(s.getLong("bytesReceived", -1))
                  .as("bytesReceived")
                  .isEqualTo(receivedBytes);
              List<RTCStats> transports = report.ofType("transport");
              assertThat(transports).as("transport stats").isNotEmpty();
              // SCTP, DTLS and ICE overhead on top of the payload.
              assertThat(transports.get(0).getLong("bytesSent", 0)).isGreaterThan(sentBytes);
              assertThat(transports.get(0).getLong("bytesReceived", 0))
                  .isGreaterThan(receivedBytes);
              assertThat(transports.get(0).get("dtlsState")).isEqualTo("connected");
              assertThat(report.ofType("candidate-pair"))
                  .as("a nominated, succeeded candidate pair")
                  .anyMatch(
                      p ->
                          Boolean.TRUE.equals(p.get("nominated"))
                              && "succeeded".equals(p.get("state")));
            });
  }

  private void hangUp(RTCDataChannel dc) throws Exception {
    dc.close();
    waitFor("jrtc's data channel closed", channelClosed);
    assertThat(dc.readyState()).isEqualTo(RTCDataChannelState.CLOSED);
    if (!echo) {
      peer.inbox()
          .await(
              "the peer to see the data channel close",
              m -> Messages.is(m, "channel") && "closed".equals(m.path("state").asText()),
              STEP);
    }
    peer.send(Messages.of("bye"));
    peer.awaitHangUp(STEP);
    probe.close();
    pc.close();
    assertThat(pc.connectionState()).isEqualTo(RTCPeerConnectionState.CLOSED);
    assertThat(failure).as("no asynchronous jrtc failure").isNotDone();
  }

  private void fromPeer(JsonNode m) {
    if (Messages.is(m, "description")) {
      RTCSessionDescriptionInit d =
          RTCSessionDescriptionInit.fromJSON(m.get("description").toString());
      d = new RTCSessionDescriptionInit(d.type(), remoteSdpFixup.apply(d.sdp()));
      CompletableFuture<Void> applied = pc.setRemoteDescription(d);
      if (d.type() == RTCSdpType.OFFER) {
        applied =
            applied
                .thenRun(
                    () -> {
                      // After the offer, so the tracks take the offered transceivers.
                      if (sender != null) {
                        sender.addTo(pc);
                      }
                    })
                .thenCompose(v -> pc.createAnswer())
                .thenCompose(answer -> setLocalAndSend(answer));
      }
      track(applied);
    } else if (Messages.is(m, "candidate")) {
      JsonNode c = m.get("candidate");
      track(
          c == null || c.isNull()
              ? pc.addIceCandidate()
              : pc.addIceCandidate(RTCIceCandidateInit.fromJSON(c.toString())));
    }
  }

  /** Asks the peer for its counters; {@code id} tells replies apart. */
  private JsonNode peerStats(int id) {
    peer.send(Messages.of("stats").put("id", id));
    try {
      return peer.inbox()
          .await(
              "stats reply " + id,
              m -> Messages.is(m, "stats") && m.path("id").asInt() == id,
              STEP);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private CompletableFuture<Void> setLocalAndSend(RTCSessionDescriptionInit description) {
    return pc.setLocalDescription(description).thenCompose(v -> sendLocal());
  }

  private CompletableFuture<Void> sendLocal() {
    CompletableFuture<Void> ready =
        trickleToPeer ? CompletableFuture.completedFuture(null) : gathered;
    return ready.thenRun(
        () -> {
          ObjectNode m = Messages.of("description");
          m.set("description", Messages.parse(pc.localDescription().toJSON()));
          peer.send(m);
        });
  }

  private void wire(RTCDataChannel dc) {
    if (!channel.complete(dc)) {
      return;
    }
    AtomicBoolean greeted = new AtomicBoolean();
    Runnable greet =
        () -> {
          if (greeted.compareAndSet(false, true)) {
            try {
              dc.send(JRTC_GREETING);
              opened.complete(null);
            } catch (RuntimeException e) {
              failure.complete(e);
            }
          }
        };
    dc.onopen(e -> greet.run());
    dc.onmessage(
        e -> {
          received.add(String.valueOf(e.data()));
          firstReceived.complete(null);
        });
    dc.onclose(e -> channelClosed.complete(null));
    if (dc.readyState() == RTCDataChannelState.OPEN) {
      greet.run();
    }
  }

  private void track(CompletableFuture<?> step) {
    CompletableFuture<?> unused =
        step.whenComplete(
            (v, err) -> {
              if (err != null) {
                failure.complete(err);
              }
            });
  }

  private <T> T waitFor(String what, CompletableFuture<T> f) throws InterruptedException {
    long deadline = System.nanoTime() + STEP.toNanos();
    while (true) {
      if (failure.isDone()) {
        throw new AssertionError("jrtc failed while waiting for " + what, failure.join());
      }
      for (JsonNode m : peer.inbox().all()) {
        if (Messages.is(m, "error")) {
          throw new AssertionError(
              peer.peer() + " reported an error while jrtc waited for " + what + ": " + m);
        }
      }
      try {
        return f.get(100, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        throw new AssertionError(what, e.getCause());
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "timed out waiting for "
                  + what
                  + " (jrtc: signaling "
                  + pc.signalingState()
                  + ", ice "
                  + pc.iceConnectionState()
                  + ", states "
                  + states
                  + "; peer said: "
                  + peer.inbox().all()
                  + ")");
        }
      }
    }
  }

  /** What the peer said, one JSON line each, next to its log: the first place to look. */
  private void keepSignaling() throws java.io.IOException {
    java.nio.file.Files.createDirectories(Summary.DIR);
    String name = label.replaceAll("[^A-Za-z0-9]+", "-") + ".signaling.jsonl";
    java.nio.file.Files.write(
        Summary.DIR.resolve(name),
        peer.inbox().all().stream().map(Messages::write).toList(),
        StandardCharsets.UTF_8);
  }

  private long elapsedMs() {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static long utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}

package io.github.jrtc.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.signaling.SignalingMessage.HangUp;
import io.github.jrtc.signaling.SignalingMessage.NewIceCandidate;
import io.github.jrtc.signaling.SignalingMessage.VideoAnswer;
import io.github.jrtc.signaling.SignalingMessage.VideoOffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bot against Java callers written the way MDN's page calls (SignalingClient +
 * RTCPeerConnection): several calls at once, each echoed on its own channel; hang-up; a caller that
 * vanishes without hanging up; and the bot as the caller of another bot.
 */
class CallBotIT {
  private static final Duration LONG = Duration.ofSeconds(60);

  private SignalingServer server;
  private CallBot bot;
  private final List<BotEvent> events = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> cleanup = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    server = SignalingServer.builder().port(0).build().start();
    bot = CallBot.builder(server.webSocketUri()).name("jrtc-bot").build();
    bot.onevent(events::add);
    bot.start().get(60, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    bot.close();
    server.close();
  }

  /** MDN's caller: data channel → negotiationneeded → offer; answer → SRD; candidates both ways. */
  private final class Caller implements AutoCloseable {
    final SignalingClient client;
    final RTCPeerConnection pc = new RTCPeerConnection();
    final RTCDataChannel channel;
    final List<String> received = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> open = new CompletableFuture<>();
    final String name;

    Caller(String wanted) throws Exception {
      client = SignalingClient.builder(server.webSocketUri()).name(wanted).reconnect(false).build();
      name = client.connect().get(60, TimeUnit.SECONDS);
      client.onmessage(
          m -> {
            if (m instanceof VideoAnswer a) {
              var unused = pc.setRemoteDescription(a.sdp());
            } else if (m instanceof NewIceCandidate c) {
              var unused = pc.addIceCandidate(c.candidate());
            }
          });
      pc.onicecandidate(
          e -> {
            if (e.candidate() != null) {
              var unused =
                  client.send(new NewIceCandidate(name, "jrtc-bot", e.candidate().toInit()));
            }
          });
      pc.onnegotiationneeded(
          e -> {
            var unused =
                pc.setLocalDescription()
                    .thenCompose(
                        v ->
                            client.send(
                                new VideoOffer(name, "jrtc-bot", pc.localDescription().toInit())));
          });
      channel = pc.createDataChannel("chat");
      channel.onopen(e -> open.complete(null));
      channel.onmessage(e -> received.add((String) e.data()));
      cleanup.add(this);
    }

    @Override
    public void close() {
      pc.close();
      client.close();
    }
  }

  @Test
  void answersSeveralCallersAtOnceAndEchoesEachOnItsOwnChannel() throws Exception {
    List<Caller> callers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      callers.add(new Caller("caller" + i));
    }
    for (Caller c : callers) {
      c.open.get(60, TimeUnit.SECONDS);
      assertThat(c.pc.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
    }
    assertThat(bot.activeCalls()).containsExactlyInAnyOrder("caller0", "caller1", "caller2");
    for (Caller c : callers) {
      c.channel.send("from " + c.name);
      c.channel.send("second from " + c.name);
    }
    for (Caller c : callers) {
      await().atMost(LONG).until(() -> c.received.size() == 2);
      // Each caller gets its own text back, unchanged, in order, and nobody else's.
      assertThat(c.received).containsExactly("from " + c.name, "second from " + c.name);
    }

    // hang-up ends that call only.
    callers.get(0).client.send(new HangUp(null, "jrtc-bot")).get(10, TimeUnit.SECONDS);
    await().atMost(LONG).until(() -> !bot.activeCalls().contains("caller0"));
    // A caller that vanishes (its signaling drops; no hang-up) is dropped when it leaves the list.
    callers.get(1).client.close();
    await().atMost(LONG).until(() -> !bot.activeCalls().contains("caller1"));
    assertThat(bot.activeCalls()).containsExactly("caller2");
    assertThat(events)
        .anyMatch(
            e ->
                e.kind() == BotEvent.Kind.ENDED
                    && "caller0".equals(e.peer())
                    && e.text().contains("hung up"))
        .anyMatch(
            e ->
                e.kind() == BotEvent.Kind.ENDED
                    && "caller1".equals(e.peer())
                    && e.text().contains("left"));
    // The remaining call still works.
    callers.get(2).channel.send("still here");
    await().atMost(LONG).until(() -> callers.get(2).received.contains("still here"));
  }

  @Test
  void theBotCallsAnotherBotAndHangsUp() throws Exception {
    CallBot caller =
        CallBot.builder(server.webSocketUri())
            .name("caller-bot")
            .media(new TestPatternMedia())
            .build();
    cleanup.add(caller);
    List<BotEvent> callerEvents = new CopyOnWriteArrayList<>();
    caller.onevent(callerEvents::add);
    caller.start().get(60, TimeUnit.SECONDS);
    caller.call("jrtc-bot").get(60, TimeUnit.SECONDS);
    assertThat(bot.activeCalls()).containsExactly("caller-bot");
    // The answering bot echoes the caller's greeting back.
    await()
        .atMost(LONG)
        .until(
            () ->
                callerEvents.stream()
                    .anyMatch(
                        e ->
                            e.kind() == BotEvent.Kind.MESSAGE
                                && e.text().equals("hello from caller-bot")));
    // The receive-only bot gets the caller's pattern and tone.
    await().atMost(LONG).until(() -> bot.receivedMedia("caller-bot").videoFrames() > 30);
    await().atMost(LONG).until(() -> bot.receivedMedia("caller-bot").audibleChunks() > 10);
    assertThat(bot.receivedMedia("caller-bot").width()).isEqualTo(640);
    caller.hangUp("jrtc-bot");
    await().atMost(LONG).until(() -> bot.activeCalls().isEmpty());
    assertThat(caller.activeCalls()).isEmpty();
  }

  // --send screen: the caller bot shares the Xvfb screen that scripts/test starts (1280x720).
  @Test
  void aScreenSharingBotSendsTheScreen() throws Exception {
    assertThat(System.getenv("DISPLAY")).as("scripts/media-services gives a display").isNotBlank();
    CallBot caller =
        CallBot.builder(server.webSocketUri()).name("screen-bot").media(new ScreenMedia()).build();
    cleanup.add(caller);
    caller.start().get(60, TimeUnit.SECONDS);
    caller.call("jrtc-bot").get(60, TimeUnit.SECONDS);
    await().atMost(LONG).until(() -> bot.receivedMedia("screen-bot").videoFrames() > 10);
    assertThat(bot.receivedMedia("screen-bot").width()).isEqualTo(1280);
    caller.hangUp("jrtc-bot");
    await().atMost(LONG).until(() -> bot.activeCalls().isEmpty());
  }
}

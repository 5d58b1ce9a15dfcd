package io.github.jrtc.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.signaling.SignalingMessage.ChatMessage;
import io.github.jrtc.signaling.SignalingMessage.HangUp;
import io.github.jrtc.signaling.SignalingMessage.NewIceCandidate;
import io.github.jrtc.signaling.SignalingMessage.VideoAnswer;
import io.github.jrtc.signaling.SignalingMessage.VideoOffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SignalingClient against the real server: typed messages both ways, renames, reconnects. */
class SignalingClientTest {
  @Test
  void typedMessagesRoundTripThroughTheServer() throws Exception {
    try (SignalingServer server = SignalingServer.builder().port(0).build().start();
        SignalingClient alice =
            SignalingClient.builder(server.webSocketUri()).name("alice").build();
        SignalingClient bob = SignalingClient.builder(server.webSocketUri()).name("bob").build();
        SignalingClient bob2 = SignalingClient.builder(server.webSocketUri()).name("bob").build()) {
      List<SignalingMessage> toBob = new CopyOnWriteArrayList<>();
      bob.onmessage(toBob::add);
      assertThat(alice.connect().get(30, TimeUnit.SECONDS)).isEqualTo("alice");
      assertThat(bob.connect().get(30, TimeUnit.SECONDS)).isEqualTo("bob");
      assertThat(bob2.connect().get(30, TimeUnit.SECONDS)).isEqualTo("bob1");
      assertThat(bob2.name()).isEqualTo("bob1");
      assertThat(bob.state()).isEqualTo(SignalingClient.State.JOINED);
      await().atMost(Duration.ofSeconds(30)).until(() -> alice.users().size() == 3);

      var sdp = new RTCSessionDescriptionInit(RTCSdpType.OFFER, "v=0\r\n");
      var cand = new RTCIceCandidateInit("candidate:1 1 udp 1 10.0.0.1 9 typ host", "0", 0, "uf");
      alice.send(new VideoOffer("ignored", "bob", sdp)).get(10, TimeUnit.SECONDS);
      alice
          .send(new VideoAnswer(null, "bob", new RTCSessionDescriptionInit(RTCSdpType.ANSWER, "a")))
          .get(10, TimeUnit.SECONDS);
      alice.send(new NewIceCandidate(null, "bob", cand)).get(10, TimeUnit.SECONDS);
      alice.send(new HangUp(null, "bob")).get(10, TimeUnit.SECONDS);
      alice.send(new ChatMessage("hi <i>all</i>")).get(10, TimeUnit.SECONDS);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> toBob.stream().anyMatch(m -> m instanceof ChatMessage));
      List<SignalingMessage> got =
          toBob.stream()
              .filter(
                  m ->
                      !(m instanceof SignalingMessage.UserList || m instanceof SignalingMessage.Id))
              .toList();
      long date =
          ((ChatMessage) got.stream().filter(ChatMessage.class::isInstance).findFirst().get())
              .date();
      assertThat(got)
          .containsExactly(
              new VideoOffer("alice", "bob", sdp),
              new VideoAnswer(
                  "alice", "bob", new RTCSessionDescriptionInit(RTCSdpType.ANSWER, "a")),
              new NewIceCandidate("alice", "bob", cand),
              new HangUp("alice", "bob"),
              new ChatMessage("hi all", "alice", alice.id(), date));
    }
  }

  @Test
  void reconnectsAndSignsInAgainAfterTheServerRestarts() throws Exception {
    SignalingServer first = SignalingServer.builder().port(0).build().start();
    int port = first.port();
    try (SignalingClient c =
        SignalingClient.builder(first.webSocketUri())
            .name("carol")
            .backoff(Duration.ofMillis(100), Duration.ofMillis(500))
            .build()) {
      List<SignalingClient.State> states = new CopyOnWriteArrayList<>();
      c.onstatechange(states::add);
      c.connect().get(30, TimeUnit.SECONDS);
      first.close();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> c.state() == SignalingClient.State.RECONNECTING);
      try (SignalingServer second = SignalingServer.builder().port(port).build().start()) {
        await().atMost(Duration.ofSeconds(60)).until(() -> second.users().contains("carol"));
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> c.state() == SignalingClient.State.JOINED);
        assertThat(states)
            .containsSubsequence(
                SignalingClient.State.CONNECTING,
                SignalingClient.State.JOINED,
                SignalingClient.State.RECONNECTING,
                SignalingClient.State.JOINED);
      }
    }
  }

  @Test
  void theFirstConnectionFailingFailsConnect() throws Exception {
    int port;
    try (SignalingServer s = SignalingServer.builder().port(0).accessToken("t").build().start()) {
      port = s.port();
      SignalingClient c = SignalingClient.builder(s.webSocketUri()).name("x").build();
      assertThat(c.connect()).failsWithin(Duration.ofSeconds(30));
      assertThat(c.state()).isEqualTo(SignalingClient.State.CLOSED);
      SignalingClient ok = SignalingClient.builder(s.webSocketUri()).name("y").token("t").build();
      assertThat(ok.connect().get(30, TimeUnit.SECONDS)).isEqualTo("y");
      ok.close();
    }
    assertThat(port).isPositive();
  }
}

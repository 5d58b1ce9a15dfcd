package io.github.jrtc.whip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jrtc.RTCPeerConnectionState;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jrtc's WhipClient publishing the bar and a 440 Hz tone to Janus 1.1.2's VideoRoom through
 * simple-whip-server (Janus's WHIP front end), all inside the test namespace. Janus must list the
 * publisher with an audio and a video stream in the room, and its admin API must count audio and
 * video packets and bytes received on the publisher's handle, growing while the publish lasts; the
 * DELETE of {@code close()} removes the publisher from the room.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JanusWhipIT {
  private static final Logger LOG = LoggerFactory.getLogger(JanusWhipIT.class);

  @TempDir Path dir;
  private JanusWhip janus;
  private TestMedia media;

  @AfterEach
  void tearDown() {
    if (media != null) {
      media.close();
    }
    if (janus != null) {
      janus.close();
    }
  }

  @Test
  void whipClientPublishesIntoJanusVideoRoom() throws Exception {
    janus = new JanusWhip(dir, Path.of("target/whip-logs"));
    URI endpoint = janus.createEndpoint("jrtc");
    media = new TestMedia();
    long t0 = System.nanoTime();
    WhipSession session =
        WhipClient.builder().build().publish(endpoint, media.stream()).get(60, TimeUnit.SECONDS);
    try {
      LOG.info(
          "WhipClient -> simple-whip-server -> Janus: publish() {} ms, connected (ICE+DTLS) after"
              + " POST in {} ms; resource {}",
          (System.nanoTime() - t0) / 1_000_000,
          session.setupTime().toMillis(),
          session.resource());
      assertThat(session.peerConnection().connectionState())
          .isEqualTo(RTCPeerConnectionState.CONNECTED);
      assertThat(session.resource().getPath()).isEqualTo("/whip/resource/jrtc");

      // VideoRoom lists the publisher, with the audio and video it announced.
      JsonNode participants =
          await()
              .atMost(Duration.ofSeconds(20))
              .ignoreExceptions()
              .until(
                  janus::participants,
                  p -> p.size() == 1 && p.get(0).path("publisher").asBoolean());
      LOG.info("VideoRoom {} participants: {}", JanusWhip.ROOM, participants);

      // Janus's admin API: packets and bytes received on the publisher's handle, growing.
      Map<String, Long> first =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(this::received, r -> r.get("video_packets") > 0 && r.get("audio_packets") > 0);
      Thread.sleep(3000);
      Map<String, Long> later = received();
      LOG.info("Janus received on the publisher's handle: {} then 3 s later {}", first, later);
      // 30 fps VP8 in 3 s: at least a packet a frame (the flat bar compresses to some 2 kB/s
      // while the bandwidth estimate ramps up; seen 68 packets, 5.6 kB); Opus sends 50 packets
      // a second of some 100 bytes for the tone (seen 152 packets, 15 kB).
      assertThat(later.get("video_packets") - first.get("video_packets")).isGreaterThan(30);
      assertThat(later.get("video_bytes") - first.get("video_bytes")).isGreaterThan(3_000);
      assertThat(later.get("audio_packets") - first.get("audio_packets")).isGreaterThan(100);
      assertThat(later.get("audio_bytes") - first.get("audio_bytes")).isGreaterThan(6_000);
    } finally {
      session.close(); // DELETE
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .ignoreExceptions()
        .until(janus::participants, JsonNode::isEmpty);
    assertThat(janus.whipServerLog()).contains("Publishing to WHIP endpoint");
  }

  /**
   * Packets and bytes Janus received, summed over the media of the VideoRoom handles with a
   * connection: Janus 1.1's {@code handle_info} has {@code webrtc.media.<n>.type} ("audio",
   * "video") and {@code .stats.in.packets} / {@code .bytes}.
   */
  private Map<String, Long> received() throws Exception {
    List<JsonNode> handles = janus.videoRoomHandles();
    long[] t = new long[4];
    for (JsonNode h : handles) {
      for (JsonNode m : h.path("webrtc").path("media")) {
        JsonNode in = m.path("stats").path("in");
        int k = m.path("type").asText().equals("video") ? 2 : 0;
        t[k] += in.path("packets").asLong();
        t[k + 1] += in.path("bytes").asLong();
      }
    }
    return Map.of(
        "audio_packets", t[0], "audio_bytes", t[1], "video_packets", t[2], "video_bytes", t[3]);
  }
}

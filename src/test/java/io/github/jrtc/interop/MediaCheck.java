package io.github.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCStats;
import io.github.jrtc.RTCStatsReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Media verification over one window that starts a second after the first frame: what jrtc's sinks
 * got (size, ≥ 20 fps, audio RMS), what the peer says it decoded from jrtc (same), and that jrtc's
 * getStats agree with both its sinks and the peer's own counters.
 */
final class MediaCheck {
  private static final long WINDOW_MS = 3000;
  static final double MIN_FPS = 20;

  private final RTCPeerConnection pc;
  private final MediaProbe probe;
  private final int inWidth;
  private final int inHeight;
  private final JrtcMediaSender sender;
  private final IntFunction<JsonNode> peerStats;
  private final List<String> frames = new ArrayList<>();
  private final List<String> audio = new ArrayList<>();

  /**
   * @param inWidth size jrtc must receive, 0 if the peer sends nothing
   * @param sender jrtc's media, null if jrtc sends nothing
   * @param peerStats the peer's stats reply for a request number, null if it reports none
   */
  MediaCheck(
      RTCPeerConnection pc,
      MediaProbe probe,
      int inWidth,
      int inHeight,
      JrtcMediaSender sender,
      IntFunction<JsonNode> peerStats) {
    this.pc = pc;
    this.probe = probe;
    this.inWidth = inWidth;
    this.inHeight = inHeight;
    this.sender = sender;
    this.peerStats = peerStats;
  }

  void run() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    int request = 1000;
    while ((inWidth > 0 && probe.frames() == 0)
        || (peerReports()
            && peerStats.apply(request++).at("/inbound/video/framesDecoded").asLong() == 0)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "no video frame within 20 s: jrtc's sinks got "
                + probe.frames()
                + "; jrtc stats "
                + stats());
      }
      Thread.sleep(200);
    }
    Thread.sleep(1000);
    MediaProbe.Snapshot a = probe.snapshot();
    RTCStatsReport jrtcA = stats();
    JsonNode peerA = peerReports() ? peerStats.apply(request++) : null;
    Thread.sleep(WINDOW_MS);
    MediaProbe.Snapshot b = probe.snapshot();
    RTCStatsReport jrtcB = stats();
    JsonNode peerB = peerReports() ? peerStats.apply(request++) : null;
    RTCStatsReport jrtcAfterPeer = stats();
    double seconds = (b.nanos() - a.nanos()) / 1e9;

    if (inWidth > 0) {
      double fps = b.fpsSince(a);
      double rms = b.rmsSince(a);
      assertThat(b.width() + "x" + b.height())
          .as("frame size at jrtc's sink")
          .isEqualTo(inWidth + "x" + inHeight);
      assertThat(fps).as("frames per second at jrtc's sink").isGreaterThanOrEqualTo(MIN_FPS);
      // Silence (what libwebrtc hands sinks before media flows) stays far below both.
      assertThat(rms).as("audio RMS over the window at jrtc's sink").isGreaterThan(0.01);
      assertThat(b.peak()).as("loudest 10 ms RMS in the window at jrtc's sink").isGreaterThan(0.1);
      RTCStats v = rtp(jrtcB, "inbound-rtp", "video");
      long decoded =
          v.getLong("framesDecoded", 0)
              - rtp(jrtcA, "inbound-rtp", "video").getLong("framesDecoded", 0);
      assertThat(v.getLong("frameWidth", 0)).as("inbound-rtp frameWidth").isEqualTo(inWidth);
      assertThat(v.getLong("frameHeight", 0)).as("inbound-rtp frameHeight").isEqualTo(inHeight);
      assertThat((double) decoded)
          .as("inbound-rtp framesDecoded in the window vs frames at the sink")
          .isBetween((b.frames() - a.frames()) * 0.8, (b.frames() - a.frames()) * 1.2 + 5);
      frames.add(String.format("jrtc got %dx%d %.1f fps", b.width(), b.height(), fps));
      audio.add(String.format("jrtc got RMS %.3f (peak %.3f)", rms, b.peak()));
      if (peerStats == null && sender != null) {
        // An echo: what jrtc got back is what it sent, less what is still in flight.
        for (String kind : List.of("audio", "video")) {
          long sent = rtp(jrtcB, "outbound-rtp", kind).getLong("packetsSent", 0);
          long got = rtp(jrtcB, "inbound-rtp", kind).getLong("packetsReceived", 0);
          assertThat(got)
              .as("jrtc %s packets echoed back vs packetsSent %d", kind, sent)
              .isLessThanOrEqualTo(sent)
              .isGreaterThanOrEqualTo(sent * 8 / 10);
        }
      }
      if (peerB != null && peerB.has("outbound")) {
        for (String kind : List.of("audio", "video")) {
          long sent = peerB.at("/outbound/" + kind + "/packetsSent").asLong(-1);
          long got = rtp(jrtcB, "inbound-rtp", kind).getLong("packetsReceived", 0);
          // jrtc's stats were taken before the peer's: the peer has sent at least that much, and
          // on a loss-free veth pair jrtc got nearly all of it.
          assertThat(got)
              .as("jrtc %s packetsReceived vs peer packetsSent %d", kind, sent)
              .isLessThanOrEqualTo(sent)
              .isGreaterThanOrEqualTo(sent * 8 / 10);
        }
      }
    }
    if (sender != null) {
      RTCStats out = rtp(jrtcB, "outbound-rtp", "video");
      double encodedFps =
          (out.getLong("framesEncoded", 0)
                  - rtp(jrtcA, "outbound-rtp", "video").getLong("framesEncoded", 0))
              / seconds;
      assertThat(out.getLong("frameWidth", 0))
          .as("outbound-rtp frameWidth")
          .isEqualTo(sender.width);
      assertThat(encodedFps)
          .as("jrtc's outbound-rtp frames encoded per second")
          .isGreaterThanOrEqualTo(MIN_FPS);
      if (peerB != null) {
        JsonNode va = peerA.at("/inbound/video");
        JsonNode vb = peerB.at("/inbound/video");
        double fps =
            (vb.path("framesDecoded").asLong() - va.path("framesDecoded").asLong()) / seconds;
        double energy =
            peerB.at("/inbound/audio/totalAudioEnergy").asDouble()
                - peerA.at("/inbound/audio/totalAudioEnergy").asDouble();
        double duration =
            peerB.at("/inbound/audio/totalSamplesDuration").asDouble()
                - peerA.at("/inbound/audio/totalSamplesDuration").asDouble();
        double level = duration <= 0 ? 0 : Math.sqrt(energy / duration);
        assertThat(vb.path("frameWidth").asInt() + "x" + vb.path("frameHeight").asInt())
            .as("frame size the peer decoded")
            .isEqualTo(sender.width + "x" + sender.height);
        assertThat(fps)
            .as("frames per second the peer decoded (%s)", vb)
            .isGreaterThanOrEqualTo(MIN_FPS);
        assertThat(level)
            .as("audio level the peer decoded (%s)", peerB.at("/inbound/audio"))
            .isGreaterThan(0.05);
        for (String kind : List.of("audio", "video")) {
          long got = peerB.at("/inbound/" + kind + "/packetsReceived").asLong(-1);
          long sent = rtp(jrtcAfterPeer, "outbound-rtp", kind).getLong("packetsSent", 0);
          assertThat(got)
              .as("peer %s packetsReceived vs jrtc packetsSent %d", kind, sent)
              .isPositive()
              .isLessThanOrEqualTo(sent)
              .isGreaterThanOrEqualTo(sent * 8 / 10);
        }
        frames.add(
            String.format(
                "peer got %dx%d %.1f fps",
                vb.path("frameWidth").asInt(), vb.path("frameHeight").asInt(), fps));
        audio.add(String.format("peer got level %.3f", level));
      }
    }
  }

  private boolean peerReports() {
    return sender != null && peerStats != null;
  }

  private RTCStatsReport stats() throws Exception {
    return pc.getStats().get(5, TimeUnit.SECONDS);
  }

  private static RTCStats rtp(RTCStatsReport report, String type, String kind) {
    Optional<RTCStats> s =
        report.ofType(type).stream().filter(x -> kind.equals(x.get("kind"))).findFirst();
    return s.orElseThrow(
        () -> new AssertionError("no " + kind + " " + type + " in " + report.ofType(type)));
  }

  String frames() {
    return frames.isEmpty() ? "none sent" : String.join("; ", frames);
  }

  String audio() {
    return audio.isEmpty() ? "none sent" : String.join("; ", audio);
  }
}

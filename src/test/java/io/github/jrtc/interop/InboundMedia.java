package io.github.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCStats;
import io.github.jrtc.RTCStatsReport;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What jrtc receives from a peer, measured from jrtc's own getStats (inbound-rtp): decoded frame
 * size, the frame rate over a window that starts a second after the first decoded frame, and the
 * audio signal level over that window from the decoder's energy (sqrt(ΔtotalAudioEnergy /
 * ΔtotalSamplesDuration), the level of the samples themselves, not a count of callbacks).
 */
record InboundMedia(
    long width,
    long height,
    double fps,
    long framesDecoded,
    double audioLevel,
    long videoPackets,
    long audioPackets) {

  private static final Duration WINDOW = Duration.ofSeconds(3);

  static InboundMedia measure(RTCPeerConnection pc) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (framesDecoded(pc.getStats().get(5, TimeUnit.SECONDS)) == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "jrtc decoded no video frame in 15 s: " + pc.getStats().get(5, TimeUnit.SECONDS));
      }
      Thread.sleep(100);
    }
    Thread.sleep(1000);
    long t1 = System.nanoTime();
    RTCStatsReport first = pc.getStats().get(5, TimeUnit.SECONDS);
    Thread.sleep(WINDOW.toMillis());
    long t2 = System.nanoTime();
    RTCStatsReport last = pc.getStats().get(5, TimeUnit.SECONDS);

    RTCStats video = inbound(last, "video").orElseThrow();
    RTCStats audio =
        inbound(last, "audio").orElseThrow(() -> new AssertionError("no audio inbound-rtp"));
    RTCStats audioBefore = inbound(first, "audio").orElseThrow();
    double seconds = (t2 - t1) / 1e9;
    double fps = (framesDecoded(last) - framesDecoded(first)) / seconds;
    double energy =
        audio.getDouble("totalAudioEnergy", 0) - audioBefore.getDouble("totalAudioEnergy", 0);
    double duration =
        audio.getDouble("totalSamplesDuration", 0)
            - audioBefore.getDouble("totalSamplesDuration", 0);
    assertThat(duration)
        .as("audio samples decoded in the window (%s)", audio)
        .isGreaterThan(seconds / 2);
    return new InboundMedia(
        video.getLong("frameWidth", 0),
        video.getLong("frameHeight", 0),
        fps,
        video.getLong("framesDecoded", 0),
        Math.sqrt(energy / duration),
        video.getLong("packetsReceived", 0),
        audio.getLong("packetsReceived", 0));
  }

  private static long framesDecoded(RTCStatsReport report) {
    return inbound(report, "video").map(s -> s.getLong("framesDecoded", 0)).orElse(0L);
  }

  static Optional<RTCStats> inbound(RTCStatsReport report, String kind) {
    return report.ofType("inbound-rtp").stream()
        .filter(s -> kind.equals(s.get("kind")))
        .findFirst();
  }

  String frames() {
    return String.format("%dx%d %.1f fps (%d decoded)", width, height, fps, framesDecoded);
  }

  String audio() {
    return String.format("%.3f", audioLevel);
  }
}

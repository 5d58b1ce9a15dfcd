package io.github.jrtc.desktop;

import io.github.jrtc.RTCStats;
import io.github.jrtc.RTCStatsReport;
import java.util.Locale;

/**
 * The call's one-line summary from successive getStats() reports: bitrate in and out (from byte
 * counters between two reports), received video frames per second, round-trip time of the selected
 * candidate pair, and received packet loss.
 */
final class CallStats {
  private long lastIn = -1;
  private long lastOut = -1;
  private double lastTimeMs;

  /**
   * Reads one report and returns the line, e.g. "in 812 kbit/s · out 640 kbit/s · 30 fps · ...".
   */
  String update(RTCStatsReport report) {
    long in = 0;
    long out = 0;
    double fps = 0;
    long lost = 0;
    long received = 0;
    double rttMs = Double.NaN;
    double time = 0;
    for (RTCStats s : report.values()) {
      time = Math.max(time, s.timestamp());
      switch (s.type()) {
        case "inbound-rtp" -> {
          in += s.getLong("bytesReceived", 0);
          lost += Math.max(0, s.getLong("packetsLost", 0));
          received += s.getLong("packetsReceived", 0);
          if ("video".equals(s.get("kind"))) {
            fps = Math.max(fps, s.getDouble("framesPerSecond", 0));
          }
        }
        case "outbound-rtp" -> out += s.getLong("bytesSent", 0);
        case "candidate-pair" -> {
          if (Boolean.TRUE.equals(s.get("nominated")) && "succeeded".equals(s.get("state"))) {
            double rtt = s.getDouble("currentRoundTripTime", Double.NaN);
            if (!Double.isNaN(rtt)) {
              rttMs = rtt * 1000;
            }
          }
        }
        default -> {}
      }
    }
    double seconds = (time - lastTimeMs) / 1000;
    String inRate = "–";
    String outRate = "–";
    if (lastIn >= 0 && seconds > 0) {
      inRate = String.format(Locale.ROOT, "%.0f", (in - lastIn) * 8 / seconds / 1000);
      outRate = String.format(Locale.ROOT, "%.0f", (out - lastOut) * 8 / seconds / 1000);
    }
    lastIn = in;
    lastOut = out;
    lastTimeMs = time;
    double loss = received + lost == 0 ? 0 : 100.0 * lost / (received + lost);
    return String.format(
        Locale.ROOT,
        "in %s kbit/s · out %s kbit/s · %.0f fps · rtt %s · loss %.1f%%",
        inRate,
        outRate,
        fps,
        Double.isNaN(rttMs) ? "–" : String.format(Locale.ROOT, "%.0f ms", rttMs),
        loss);
  }
}

package io.github.jrtc.interop;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * jrtc against GStreamer's webrtcbin (from Python through gi), which offers VP8 + Opus + a data
 * channel and trickles its candidates.
 */
class GStreamerIT {
  @Test
  void webrtcbinOffersJrtcAnswers() throws Exception {
    Path script = Path.of(GStreamerIT.class.getResource("/interop/gst_peer.py").toURI());
    try (ProcessPeer gst =
        new ProcessPeer(
            "gstreamer", Summary.DIR.resolve("gstreamer-offers.log"), ProcessPeer.python(script))) {
      Summary.record(new InteropCase(gst, Direction.PEER_OFFERS).peerSendsMedia(320, 240).run());
    }
  }
}

package io.github.jrtc.interop;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * jrtc against GStreamer's webrtcbin (from Python through gi), which offers VP8 + Opus + a data
 * channel and trickles its candidates; jrtc answers with its own audio and video, which the script
 * decodes and measures (frames at a fakesink, audio with the level element).
 */
class GStreamerIT {
  @Test
  void webrtcbinOffersJrtcAnswers() throws Exception {
    Path script = Path.of(GStreamerIT.class.getResource("/interop/gst_peer.py").toURI());
    try (ProcessPeer gst =
        new ProcessPeer(
            "gstreamer", Summary.DIR.resolve("gstreamer-offers.log"), ProcessPeer.python(script))) {
      Summary.record(
          new InteropCase(gst, Direction.PEER_OFFERS)
              .peerSendsMedia(320, 240)
              .jrtcSendsMedia(320, 240)
              .run());
    }
  }
}

package io.github.jrtc.interop;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * jrtc against aiortc (Debian's python3-aiortc, importable only by /usr/bin/python3). aiortc does
 * not trickle: its descriptions carry every candidate, and jrtc sends it complete descriptions.
 */
class AiortcIT {
  private static Path script() throws Exception {
    return Path.of(AiortcIT.class.getResource("/interop/aiortc_peer.py").toURI());
  }

  private static InteropResult run(Direction direction, String name) throws Exception {
    try (ProcessPeer aiortc =
        new ProcessPeer(
            "aiortc", Summary.DIR.resolve(name + ".log"), ProcessPeer.python(script()))) {
      InteropResult result = new InteropCase(aiortc, direction).trickleToPeer(false).run();
      Summary.record(result);
      return result;
    }
  }

  @Test
  void aiortcOffersJrtcAnswers() throws Exception {
    run(Direction.PEER_OFFERS, "aiortc-offers");
  }

  @Test
  void jrtcOffersAiortcAnswers() throws Exception {
    run(Direction.JRTC_OFFERS, "jrtc-offers-aiortc");
  }
}

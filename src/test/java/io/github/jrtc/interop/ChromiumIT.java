package io.github.jrtc.interop;

import org.junit.jupiter.api.Test;

/** jrtc against headless Chromium, both directions, candidates trickled both ways. */
class ChromiumIT {
  private static void run(Direction direction, String name) throws Exception {
    try (ChromiumPeer chromium = new ChromiumPeer(Summary.DIR.resolve(name + ".log"))) {
      Summary.record(new InteropCase(chromium, direction).run());
    }
  }

  @Test
  void chromiumOffersJrtcAnswers() throws Exception {
    run(Direction.PEER_OFFERS, "chromium-offers");
  }

  @Test
  void jrtcOffersChromiumAnswers() throws Exception {
    run(Direction.JRTC_OFFERS, "jrtc-offers-chromium");
  }
}

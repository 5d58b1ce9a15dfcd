package io.github.jrtc.interop;

import org.junit.jupiter.api.Test;

/**
 * jrtc against headless Chromium, both directions, candidates trickled both ways; each side sends
 * 320x240 video and audio (Chromium its fake camera and microphone).
 */
class ChromiumIT {
  @Test
  void chromiumOffersJrtcAnswers() throws Exception {
    try (ChromiumPeer chromium = new ChromiumPeer(Summary.DIR.resolve("chromium-offers.log"))) {
      Summary.record(
          new InteropCase(chromium, Direction.PEER_OFFERS)
              .peerSendsMedia(320, 240)
              .jrtcSendsMedia(320, 240)
              .run());
    }
  }

  @Test
  void jrtcOffersChromiumAnswers() throws Exception {
    try (ChromiumPeer chromium =
        new ChromiumPeer(Summary.DIR.resolve("jrtc-offers-chromium.log"))) {
      Summary.record(
          new InteropCase(chromium, Direction.JRTC_OFFERS)
              .peerSendsMedia(320, 240)
              .jrtcSendsMedia(320, 240)
              .run());
    }
  }
}

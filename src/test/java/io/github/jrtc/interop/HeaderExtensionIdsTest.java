package io.github.jrtc.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderExtensionIdsTest {
  // The extmap lines of aiortc 1.4's audio+video offer.
  private static final String AIORTC =
      String.join(
          "\r\n",
          "m=audio 9 UDP/TLS/RTP/SAVPF 96",
          "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
          "a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
          "m=video 9 UDP/TLS/RTP/SAVPF 97",
          "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
          "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
          "");

  @Test
  void collidingIdGetsAFreeOneAndSharedExtensionsKeepTheirs() {
    assertThat(HeaderExtensionIds.makeDistinct(AIORTC))
        .contains("a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level")
        .contains("a=extmap:3 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time")
        .doesNotContain("a=extmap:2 http://www.webrtc.org")
        .containsSubsequence(
            "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid");
  }

  @Test
  void distinctIdsAreLeftAlone() {
    String sdp = "a=extmap:1/sendonly urn:a\r\na=extmap:4 urn:b\r\na=extmap:1/sendonly urn:a\r\n";
    assertThat(HeaderExtensionIds.makeDistinct(sdp)).isEqualTo(sdp);
  }
}

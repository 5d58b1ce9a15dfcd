package io.github.jrtc.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SdpTest {
  private static final String OFFER =
      String.join(
          "\r\n",
          "v=0",
          "o=- 1 2 IN IP4 127.0.0.1",
          "s=-",
          "t=0 0",
          "a=group:BUNDLE a1 d1",
          "m=audio 9 UDP/TLS/RTP/SAVPF 111",
          "c=IN IP4 0.0.0.0",
          "a=rtcp:9 IN IP4 0.0.0.0",
          "a=ice-ufrag:ETEn",
          "a=mid:a1",
          "m=application 9 UDP/DTLS/SCTP webrtc-datachannel",
          "c=IN IP4 0.0.0.0",
          "a=ice-ufrag:ETEn",
          "a=mid:d1",
          "");
  private static final String HOST = "candidate:1 1 udp 2113929471 10.203.0.2 10100 typ host";

  private static String section(String sdp, int index) {
    return sdp.split("\r\nm=")[index + 1];
  }

  @Test
  void aCandidateGoesAfterTheConnectionAndRtcpLinesOfTheSectionItsMidNames() {
    String out = Sdp.withCandidate(OFFER, "d1", 0, HOST);
    assertThat(section(out, 1)).contains("c=IN IP4 0.0.0.0\r\na=" + HOST + "\r\na=ice-ufrag:ETEn");
    assertThat(section(out, 0)).doesNotContain("a=candidate");
    out = Sdp.withCandidate(OFFER, "a1", 1, HOST);
    assertThat(section(out, 0)).contains("a=rtcp:9 IN IP4 0.0.0.0\r\na=" + HOST + "\r\n");
    assertThat(section(out, 1)).doesNotContain("a=candidate");
  }

  @Test
  void withoutAMidTheIndexChoosesAndLaterCandidatesFollowEarlierOnes() {
    String second = "candidate:2 1 udp 2113929470 10.203.0.2 10101 typ host";
    String out = Sdp.withCandidate(Sdp.withCandidate(OFFER, null, 1, HOST), null, 1, second);
    assertThat(section(out, 1)).contains("a=" + HOST + "\r\na=" + second + "\r\na=ice-ufrag");
    assertThat(out).endsWith("\r\n");
  }

  @Test
  void anEquivalentCandidateIsNotAddedTwice() {
    String once = Sdp.withCandidate(OFFER, "a1", 0, HOST);
    // The same candidate as libwebrtc reports it in an icecandidate event: with its extensions.
    assertThat(Sdp.withCandidate(once, "a1", 0, "a=" + HOST + " generation 0 ufrag ETEn"))
        .isEqualTo(once);
  }

  @Test
  void candidatesStayBeforeEndOfCandidates() {
    String ended = Sdp.withEndOfCandidates(OFFER, Set.of(1));
    String out = Sdp.withCandidate(ended, "d1", 1, HOST);
    assertThat(section(out, 1)).contains("a=" + HOST).endsWith("a=end-of-candidates\r\n");
    assertThat(section(out, 1).indexOf("a=" + HOST))
        .isLessThan(section(out, 1).indexOf("a=end-of-candidates"));
  }

  @Test
  void anUnknownSectionLeavesTheDescriptionAsItWas() {
    assertThat(Sdp.withCandidate(OFFER, "nope", 0, HOST)).isEqualTo(OFFER);
    assertThat(Sdp.withCandidate(OFFER, null, 5, HOST)).isEqualTo(OFFER);
  }
}

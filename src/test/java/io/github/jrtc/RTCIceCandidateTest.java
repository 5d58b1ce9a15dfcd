package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Port of WPT webrtc/RTCIceCandidate-constructor.html. JS's {@code candidate: null} (ToString gives
 * "null") and the newer {@code relayProtocol} / {@code url} members have no Java spelling: a null
 * member is a left-out one (API.md rule 12) and the dictionary is the four-member record of rule 6.
 */
class RTCIceCandidateTest {
  private static final String CANDIDATE =
      "candidate:1905690388 1 udp 2113937151 192.168.0.1 58041 typ host generation 0 ufrag thC8"
          + " network-cost 50";
  private static final String CANDIDATE_2 =
      "candidate:435653019 2 tcp 1845501695 192.168.0.196 4444 typ srflx raddr www.example.com"
          + " rport 22222 tcptype active";
  private static final String ARBITRARY = "<arbitrary string[0] content>;";

  // "new RTCIceCandidate()" (no init: here null), "new RTCIceCandidate({})", "... with manually
  // filled default values", "new RTCIceCandidate({ sdpMid: null, sdpMLineIndex: null })",
  // "new RTCIceCandidate({ candidate: '' })", "... with valid candidate string only"
  @Test
  void withoutMidAndIndexIsTypeError() {
    assertThatThrownBy(() -> new RTCIceCandidate(null)).isInstanceOf(TypeError.class);
    assertThatThrownBy(() -> new RTCIceCandidate(new RTCIceCandidateInit(null, null, null)))
        .isInstanceOf(TypeError.class);
    assertThatThrownBy(() -> new RTCIceCandidate(new RTCIceCandidateInit("", null, null, null)))
        .isInstanceOf(TypeError.class);
    assertThatThrownBy(() -> new RTCIceCandidate(new RTCIceCandidateInit(CANDIDATE, null, null)))
        .isInstanceOf(TypeError.class);
  }

  // "new RTCIceCandidate({ sdpMid: 'audio' })", "({ sdpMLineIndex: 0 })", "({ sdpMid: 'audio',
  // sdpMLineIndex: 0 })", "({ candidate: '', sdpMid: 'audio' }"
  @Test
  void midOrIndexAloneIsEnough() {
    RTCIceCandidate mid = new RTCIceCandidate(new RTCIceCandidateInit(null, "audio", null));
    assertThat(mid.candidate()).isEmpty();
    assertThat(mid.sdpMid()).isEqualTo("audio");
    assertThat(mid.sdpMLineIndex()).isNull();
    assertThat(mid.usernameFragment()).isNull();
    RTCIceCandidate index = new RTCIceCandidate(new RTCIceCandidateInit(null, null, 0));
    assertThat(index.candidate()).isEmpty();
    assertThat(index.sdpMid()).isNull();
    assertThat(index.sdpMLineIndex()).isZero();
    assertThat(index.usernameFragment()).isNull();
    RTCIceCandidate both = new RTCIceCandidate(new RTCIceCandidateInit("", "audio", 0));
    assertThat(both.sdpMid()).isEqualTo("audio");
    assertThat(both.sdpMLineIndex()).isZero();
    assertThat(both.usernameFragment()).isNull();
  }

  // "with valid candidate string and sdpMid": the candidate's "ufrag thC8" is not the dictionary's
  // usernameFragment, which stays null.
  @Test
  void usernameFragmentComesOnlyFromTheDictionary() {
    RTCIceCandidate c = new RTCIceCandidate(new RTCIceCandidateInit(CANDIDATE, "audio", null));
    assertThat(c.candidate()).isEqualTo(CANDIDATE);
    assertThat(c.sdpMid()).isEqualTo("audio");
    assertThat(c.sdpMLineIndex()).isNull();
    assertThat(c.usernameFragment()).isNull();
    assertThat(c.toInit().usernameFragment()).isNull();
  }

  // "with invalid candidate string and sdpMid", "with invalid sdpMid", "with invalid
  // sdpMLineIndex": nothing is validated here.
  @Test
  void nothingIsValidatedByTheConstructor() {
    RTCIceCandidate c = new RTCIceCandidate(new RTCIceCandidateInit(ARBITRARY, "audio", null));
    assertThat(c.candidate()).isEqualTo(ARBITRARY);
    assertThat(c.usernameFragment()).isNull();
    assertThat(c.foundation()).isNull();
    assertThat(new RTCIceCandidate(new RTCIceCandidateInit(null, ARBITRARY, null)).sdpMid())
        .isEqualTo(ARBITRARY);
    assertThat(new RTCIceCandidate(new RTCIceCandidateInit(null, null, 65535)).sdpMLineIndex())
        .isEqualTo(65535);
  }

  // "with nondefault values for most fields"
  @Test
  void nonDefaultValuesUdp() {
    RTCIceCandidate c = new RTCIceCandidate(new RTCIceCandidateInit(CANDIDATE, "video", 1, "test"));
    assertThat(c.sdpMid()).isEqualTo("video");
    assertThat(c.sdpMLineIndex()).isEqualTo(1);
    assertThat(c.usernameFragment()).isEqualTo("test");
    assertThat(c.foundation()).isEqualTo("1905690388");
    assertThat(c.component()).isEqualTo(RTCIceComponent.RTP);
    assertThat(c.priority()).isEqualTo(2113937151L);
    assertThat(c.address()).isEqualTo("192.168.0.1");
    assertThat(c.protocol()).isEqualTo(RTCIceProtocol.UDP);
    assertThat(c.port()).isEqualTo(58041);
    assertThat(c.type()).isEqualTo(RTCIceCandidateType.HOST);
    assertThat(c.tcpType()).isNull();
    assertThat(c.relatedAddress()).isNull();
    assertThat(c.relatedPort()).isNull();
  }

  // "with nondefault values for most fields, tcp candidate"
  @Test
  void nonDefaultValuesTcp() {
    RTCIceCandidate c =
        new RTCIceCandidate(new RTCIceCandidateInit(CANDIDATE_2, "video", 1, "user1"));
    assertThat(c.usernameFragment()).isEqualTo("user1");
    assertThat(c.foundation()).isEqualTo("435653019");
    assertThat(c.component()).isEqualTo(RTCIceComponent.RTCP);
    assertThat(c.priority()).isEqualTo(1845501695L);
    assertThat(c.address()).isEqualTo("192.168.0.196");
    assertThat(c.protocol()).isEqualTo(RTCIceProtocol.TCP);
    assertThat(c.port()).isEqualTo(4444);
    assertThat(c.type()).isEqualTo(RTCIceCandidateType.SRFLX);
    assertThat(c.tcpType()).isEqualTo(RTCIceTcpCandidateType.ACTIVE);
    assertThat(c.relatedAddress()).isEqualTo("www.example.com");
    assertThat(c.relatedPort()).isEqualTo(22222);
  }
}

package io.github.jrtc.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.RTCIceCandidateType;
import io.github.jrtc.RTCIceComponent;
import io.github.jrtc.RTCIceProtocol;
import io.github.jrtc.RTCIceTcpCandidateType;
import io.github.jrtc.internal.sdp.CandidateParser.Parsed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8839 §5.1 candidate-attribute parsing, as libwebrtc and browsers write candidates. */
class CandidateParserTest {
  @Test
  void hostCandidateAsChromiumWritesIt() {
    Parsed p =
        CandidateParser.parse(
            "candidate:1410285272 1 udp 2122260223 10.203.0.2 34848 typ host generation 0"
                + " ufrag iima network-id 1 network-cost 50");
    assertThat(p)
        .isEqualTo(
            new Parsed(
                "1410285272",
                RTCIceComponent.RTP,
                RTCIceProtocol.UDP,
                2122260223L,
                "10.203.0.2",
                34848,
                RTCIceCandidateType.HOST,
                null,
                null,
                null,
                "iima"));
  }

  @Test
  void serverReflexiveWithRelatedAddressAndAnALine() {
    Parsed p =
        CandidateParser.parse(
            "a=candidate:842163049 2 UDP 1677729535 203.0.113.7 61665 typ srflx raddr 10.0.0.2"
                + " rport 61665 generation 0\r\n");
    assertThat(p.component()).isEqualTo(RTCIceComponent.RTCP);
    assertThat(p.protocol()).isEqualTo(RTCIceProtocol.UDP);
    assertThat(p.type()).isEqualTo(RTCIceCandidateType.SRFLX);
    assertThat(p.relatedAddress()).isEqualTo("10.0.0.2");
    assertThat(p.relatedPort()).isEqualTo(61665);
    assertThat(p.ufrag()).isNull();
  }

  @Test
  void tcpRelayAndPrflx() {
    Parsed tcp =
        CandidateParser.parse("candidate:3 1 tcp 1518280447 10.0.0.1 9 typ host tcptype active");
    assertThat(tcp.protocol()).isEqualTo(RTCIceProtocol.TCP);
    assertThat(tcp.tcpType()).isEqualTo(RTCIceTcpCandidateType.ACTIVE);
    assertThat(tcp.port()).isEqualTo(9);
    Parsed relay =
        CandidateParser.parse(
            "candidate:4 1 udp 41885439 198.51.100.1 3478 typ relay raddr 0.0.0.0 rport 0");
    assertThat(relay.type()).isEqualTo(RTCIceCandidateType.RELAY);
    assertThat(relay.relatedPort()).isZero();
    assertThat(CandidateParser.parse("candidate:5 1 udp 1 ::1 1 typ prflx").type())
        .isEqualTo(RTCIceCandidateType.PRFLX);
    // mDNS names are addresses too.
    assertThat(CandidateParser.parse("candidate:6 1 udp 1 abc.local 1 typ host").address())
        .isEqualTo("abc.local");
  }

  @Test
  void componentsBeyondRtcpHaveNoName() {
    Parsed p = CandidateParser.parse("candidate:1 3 udp 1 10.0.0.1 1 typ host");
    assertThat(p).isNotNull();
    assertThat(p.component()).isNull();
  }

  @Test
  void boundaries() {
    assertThat(CandidateParser.isValid("candidate:1 256 udp 4294967295 10.0.0.1 65535 typ host"))
        .isTrue();
    assertThat(CandidateParser.isValid("candidate:1 1 udp 0 10.0.0.1 0 typ host")).isTrue();
    String foundation32 = "a".repeat(32);
    assertThat(CandidateParser.isValid("candidate:" + foundation32 + " 1 udp 1 h 1 typ host"))
        .isTrue();
    assertThat(CandidateParser.isValid("candidate:" + foundation32 + "b 1 udp 1 h 1 typ host"))
        .isFalse();
    assertThat(CandidateParser.parse("  candidate:1  1 udp 1 10.0.0.1 1  typ host ")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "candidate:",
        "foundation 1 udp 1 10.0.0.1 1 typ host",
        "candidate:1 1 udp 1 10.0.0.1 1 host",
        "candidate:1 1 udp 1 10.0.0.1 1 typ",
        "candidate:1 0 udp 1 10.0.0.1 1 typ host",
        "candidate:1 257 udp 1 10.0.0.1 1 typ host",
        "candidate:1 x udp 1 10.0.0.1 1 typ host",
        "candidate:1 1 sctp 1 10.0.0.1 1 typ host",
        "candidate:1 1 udp -1 10.0.0.1 1 typ host",
        "candidate:1 1 udp 4294967296 10.0.0.1 1 typ host",
        "candidate:1 1 udp 1 10.0.0.1 65536 typ host",
        "candidate:1 1 udp 1 10.0.0.1 -1 typ host",
        "candidate:1 1 udp 1 10.0.0.1 1 typ nat",
        "candidate:1 1 udp 1 10.0.0.1 1 typ host generation",
        "candidate:1 1 udp 1 10.0.0.1 1 typ srflx raddr 10.0.0.2 rport x",
        "candidate:1 1 tcp 1 10.0.0.1 1 typ host tcptype sideways",
      })
  void malformedIsNull(String candidate) {
    assertThat(CandidateParser.parse(candidate)).isNull();
    assertThat(CandidateParser.isValid(candidate)).isFalse();
  }

  @Test
  void nullIsNull() {
    assertThat(CandidateParser.parse(null)).isNull();
  }
}

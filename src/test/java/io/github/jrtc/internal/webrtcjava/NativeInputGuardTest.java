package io.github.jrtc.internal.webrtcjava;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jrtc.RTCError;
import io.github.jrtc.RTCErrorDetailType;
import org.junit.jupiter.api.Test;

class NativeInputGuardTest {
  private static final String SDP =
      "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
          + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\n";

  @Test
  void ordinarySdpPassesUnchanged() {
    assertThat(NativeInputGuard.sdp(SDP)).isSameAs(SDP);
    assertThat(NativeInputGuard.sdp("")).isEmpty();
  }

  @Test
  void percentInAStructuredLineIsASyntaxErrorWithItsLineNumber() {
    // webrtc-java would use this line as a printf format: SIGSEGV.
    String bad = SDP.replace("a=mid:0", "a=mid:%s%s%n");
    assertThatThrownBy(() -> NativeInputGuard.sdp(bad))
        .isInstanceOfSatisfying(
            RTCError.class,
            e -> {
              assertThat(e.name()).isEqualTo("OperationError");
              assertThat(e.errorDetail()).isEqualTo(RTCErrorDetailType.SDP_SYNTAX_ERROR);
              assertThat(e.sdpLineNumber()).isEqualTo(6);
            });
  }

  @Test
  void percentInFreeTextThatLibwebrtcIgnoresIsReplaced() {
    String sdp = SDP.replace("s=-", "s=100% %s");
    assertThat(NativeInputGuard.sdp(sdp)).contains("s=100_ _s\r\n").doesNotContain("%");
  }

  @Test
  void hugeSdpIsRefused() {
    String huge = SDP + "a=x-" + "y".repeat(NativeInputGuard.MAX_SDP_CHARS) + "\r\n";
    assertThatThrownBy(() -> NativeInputGuard.sdp(huge)).isInstanceOf(RTCError.class);
  }

  @Test
  void candidates() {
    String ok = "candidate:1 1 udp 2122260223 10.0.0.1 5000 typ host";
    assertThat(NativeInputGuard.candidateProblem(ok, "0")).isNull();
    assertThat(NativeInputGuard.candidateProblem(null, null)).isNull();
    assertThat(NativeInputGuard.candidateProblem(ok + " %n", "0")).contains("'%'");
    assertThat(NativeInputGuard.candidateProblem(ok, "%s")).isNotNull();
    assertThat(NativeInputGuard.candidateProblem("x".repeat(70_000), "0")).contains("long");
  }
}

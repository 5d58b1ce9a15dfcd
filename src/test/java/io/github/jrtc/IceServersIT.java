package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Port of WPT webrtc/RTCConfiguration-iceServers.html (current upstream, both its "rest" and
 * "interop-2026" variants), on real libwebrtc. WPT's config_test runs each case twice: through
 * {@code new RTCPeerConnection(config)} and through {@code setConfiguration(config)} on a fresh
 * connection; so does {@link #makers()}. JS's {@code iceServers: null} (a TypeError there) has no
 * Java spelling apart from "left out", which is {@code { iceServers: undefined }}.
 */
class IceServersIT {
  private static final String USERNAME_509 = "a".repeat(509);
  private final List<RTCPeerConnection> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(RTCPeerConnection::close);
  }

  /** WPT's makePc, both ways. */
  static Stream<Arguments> makers() {
    return Stream.of(Arguments.of("constructor"), Arguments.of("setConfiguration"));
  }

  /** WPT's makePc. */
  interface MakePc {
    RTCPeerConnection apply(RTCConfiguration config);
  }

  private MakePc maker(String how) {
    return config -> {
      if (how.equals("constructor")) {
        RTCPeerConnection pc = new RTCPeerConnection(config);
        opened.add(pc);
        return pc;
      }
      RTCPeerConnection pc = new RTCPeerConnection();
      opened.add(pc);
      pc.setConfiguration(config);
      return pc;
    };
  }

  private static RTCConfiguration servers(RTCIceServer... servers) {
    return RTCConfiguration.builder().iceServers(Arrays.asList(servers)).build();
  }

  private static RTCIceServer server(String url, String username, String credential) {
    return new RTCIceServer(List.of(url), username, credential);
  }

  private static void throwsDom(String name, Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOf(DOMException.class)
        .extracting(e -> ((DOMException) e).name())
        .isEqualTo(name);
  }

  // "new RTCPeerConnection() should have default configuration.iceServers of []"
  @Test
  void defaultIceServersAreEmpty() {
    RTCPeerConnection pc = new RTCPeerConnection();
    opened.add(pc);
    assertThat(pc.getConfiguration().iceServers()).isEmpty();
  }

  // "{} should succeed", "{ iceServers: undefined } should succeed", "{ iceServers: [] } should
  // succeed"
  @ParameterizedTest
  @MethodSource("makers")
  void emptyConfigurationsSucceed(String how) {
    var makePc = maker(how);
    makePc.apply(new RTCConfiguration());
    assertThat(
            makePc
                .apply(RTCConfiguration.builder().iceServers((List<RTCIceServer>) null).build())
                .getConfiguration()
                .iceServers())
        .isEmpty();
    assertThat(makePc.apply(servers()).getConfiguration().iceServers()).isEmpty();
  }

  // "{ iceServers: [null] } should throw TypeError", "... [undefined] ...", "{ iceServers: [{}] }
  // should throw TypeError" (urls is a required member)
  @ParameterizedTest
  @MethodSource("makers")
  void missingServerOrUrlsIsTypeError(String how) {
    var makePc = maker(how);
    assertThatThrownBy(() -> makePc.apply(servers((RTCIceServer) null)))
        .isInstanceOf(TypeError.class);
    assertThatThrownBy(
            () -> makePc.apply(servers(new RTCIceServer((List<String>) null, null, null))))
        .isInstanceOf(TypeError.class);
  }

  // "with stun server should succeed", "with stun server array should succeed", "with 2 stun
  // servers should succeed"
  @ParameterizedTest
  @MethodSource("makers")
  void stunServersSucceed(String how) {
    var makePc = maker(how);
    assertThat(
            makePc
                .apply(servers(new RTCIceServer("stun:stun1.example.net")))
                .getConfiguration()
                .iceServers())
        .singleElement()
        .extracting(RTCIceServer::urls)
        .isEqualTo(List.of("stun:stun1.example.net"));
    List<String> two = List.of("stun:stun1.example.net", "stun:stun2.example.net");
    assertThat(
            makePc
                .apply(servers(new RTCIceServer(two, null, null)))
                .getConfiguration()
                .iceServers())
        .singleElement()
        .extracting(RTCIceServer::urls)
        .isEqualTo(two);
  }

  // "with turn server, username, credential should succeed", "with turns server and empty string
  // username should succeed", "with turn server and empty string username should succeed", "with
  // one turns server, one turn server, username, credential should succeed", "with a turn server
  // and a username of 509 characters should succeed"
  @ParameterizedTest
  @MethodSource("makers")
  void turnServersWithCredentialsSucceed(String how) {
    var makePc = maker(how);
    RTCIceServer s =
        makePc
            .apply(servers(server("turn:turn.example.org", "user", "cred")))
            .getConfiguration()
            .iceServers()
            .get(0);
    assertThat(s).isEqualTo(server("turn:turn.example.org", "user", "cred"));
    // libwebrtc refuses an empty username (webrtc-java then aborts): jrtc keeps it in the
    // configuration, as the spec says, and leaves that server out of what libwebrtc gets.
    for (String url : List.of("turns:turn.example.org", "turn:turn.example.org")) {
      RTCIceServer empty =
          makePc.apply(servers(server(url, "", "cred"))).getConfiguration().iceServers().get(0);
      assertThat(empty.username()).isEmpty();
      assertThat(empty.credential()).isEqualTo("cred");
      assertThat(empty.urls()).containsExactly(url);
    }
    List<String> both = List.of("turns:turn.example.org", "turn:turn.example.net");
    assertThat(
            makePc
                .apply(servers(new RTCIceServer(both, "user", "cred")))
                .getConfiguration()
                .iceServers())
        .singleElement()
        .extracting(RTCIceServer::urls)
        .isEqualTo(both);
    makePc.apply(servers(server("turn:turn.example.net", USERNAME_509, "cred")));
  }

  // interop-2026: "with a turn server and a username of 510 characters throw InvalidAccessError";
  // "with turn(s) server and no credentials / only username / only credential should throw
  // InvalidAccessError"; "with a turn(s) server and an empty credential throw InvalidAccessError"
  // (the last aborted the JVM in libwebrtc's createPeerConnection before jrtc checked it).
  @ParameterizedTest
  @MethodSource("makers")
  void turnServersWithBadCredentialsAreInvalidAccess(String how) {
    var makePc = maker(how);
    throwsDom(
        "InvalidAccessError",
        () -> makePc.apply(servers(server("turns:turn.example.net", USERNAME_509 + "a", "cred"))));
    for (String url : List.of("turn:turn.example.net", "turns:turn.example.net")) {
      throwsDom("InvalidAccessError", () -> makePc.apply(servers(new RTCIceServer(url))));
      throwsDom("InvalidAccessError", () -> makePc.apply(servers(server(url, "user", null))));
      throwsDom("InvalidAccessError", () -> makePc.apply(servers(server(url, null, "cred"))));
      throwsDom("InvalidAccessError", () -> makePc.apply(servers(server(url, "user", ""))));
    }
  }

  // 'with "" url should throw SyntaxError', 'with ["stun:stun1.example.net", ""] url ...', "with
  // relative url ...", "with http url ...", "with invalid turn url ...", "with invalid stun url
  // ..." (interop-2026), the 27 malformed URLs of the list, "with empty urls should throw
  // SyntaxError"
  @ParameterizedTest
  @MethodSource("makers")
  void malformedUrlsAreSyntaxErrors(String how) {
    var makePc = maker(how);
    List<String> bad =
        List.of(
            "",
            "relative-url",
            "http://example.com",
            "turn://example.org/foo?x=y",
            "stun://example.org/foo?x=y",
            "stun:",
            "stun::8191",
            "turn:",
            "turn::8191",
            "stun:example.org:131071",
            "turn:example.org:131071",
            "stun:2001:4860:4860::8888",
            "turn:2001:4860:4860::8888",
            "stun:::ffff:192.0.2.128",
            "turn:::ffff:192.0.2.128",
            "stun:example.org#frag",
            "turn:example.org#frag",
            "stun:user@example.org",
            "turn:user@example.org",
            "stun:example.org/",
            "turn:example.org/",
            "stun:example.org\\",
            "turn:example.org\\",
            "stun:example.org/path",
            "turn:example.org/path",
            "stun:example.org\\path",
            "turn:example.org\\path",
            "stun:example.org?foo=bar",
            "stun:example.org?transport=udp",
            "turn:example.org?foo=bar",
            "turn:example.org?transport=datachannel",
            "turn:example.org?transport=");
    for (String url : bad) {
      // No username or credential: the URL must be refused before those are looked at.
      assertThatThrownBy(() -> makePc.apply(servers(new RTCIceServer(url))))
          .as(url)
          .isInstanceOf(DOMException.class)
          .extracting(e -> ((DOMException) e).name())
          .isEqualTo("SyntaxError");
    }
    throwsDom(
        "SyntaxError",
        () ->
            makePc.apply(
                servers(new RTCIceServer(List.of("stun:stun1.example.net", ""), null, null))));
    throwsDom("SyntaxError", () -> makePc.apply(servers(new RTCIceServer(List.of(), null, null))));
  }

  // Beyond WPT: libwebrtc compares the scheme case-sensitively and refuses port 0, each an abort
  // under webrtc-java; RFC 3986 schemes are case-insensitive, and port 0 is no server's.
  @ParameterizedTest
  @MethodSource("makers")
  void upperCaseSchemesWorkAndPortZeroIsASyntaxError(String how) {
    var makePc = maker(how);
    makePc.apply(
        servers(new RTCIceServer("STUN:stun.example.net"), server("Turn:t.example.net", "u", "c")));
    throwsDom("SyntaxError", () -> makePc.apply(servers(new RTCIceServer("stun:example.org:0"))));
  }

  // "setConfiguration(config) - without iceServers removes ice servers"
  @Test
  void setConfigurationWithoutIceServersRemovesThem() {
    RTCPeerConnection pc =
        new RTCPeerConnection(servers(new RTCIceServer("stun:stun1.example.net")));
    opened.add(pc);
    assertThat(pc.getConfiguration().iceServers()).hasSize(1);
    pc.setConfiguration(new RTCConfiguration());
    assertThat(pc.getConfiguration().iceServers()).isEmpty();
  }

  // "with 32 ice servers must succeed"
  @ParameterizedTest
  @MethodSource("makers")
  void thirtyTwoServersSucceed(String how) {
    RTCIceServer[] many =
        IntStream.rangeClosed(1, 32)
            .mapToObj(i -> new RTCIceServer("stun:stun" + i + ".example.net"))
            .toArray(RTCIceServer[]::new);
    List<RTCIceServer> got = maker(how).apply(servers(many)).getConfiguration().iceServers();
    assertThat(got).hasSize(32);
    for (int i = 0; i < 32; i++) {
      assertThat(got.get(i).urls()).containsExactly("stun:stun" + (i + 1) + ".example.net");
    }
  }
}

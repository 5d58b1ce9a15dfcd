package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Helpers for ports of the Web Platform Tests (webrtc/RTCPeerConnection-helper.js). */
final class Wpt {
  private Wpt() {}

  /**
   * JSEP's example offer (RFC 8829 section 7.1) as WPT uses it, with its addresses moved to the
   * test namespace's own host so that no candidate points outside the machine.
   */
  static final String JSEP_OFFER =
      String.join(
          "\r\n",
          "v=0",
          "o=- 4962303333179871722 1 IN IP4 0.0.0.0",
          "s=-",
          "t=0 0",
          "a=ice-options:trickle",
          "a=group:BUNDLE a1 v1",
          "m=audio 10100 UDP/TLS/RTP/SAVPF 96 0 8 97 98",
          "c=IN IP4 10.203.0.2",
          "a=mid:a1",
          "a=sendrecv",
          "a=rtpmap:96 opus/48000/2",
          "a=rtpmap:0 PCMU/8000",
          "a=rtpmap:8 PCMA/8000",
          "a=rtpmap:97 telephone-event/8000",
          "a=rtpmap:98 telephone-event/48000",
          "a=maxptime:120",
          "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
          "a=extmap:2 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
          "a=msid:47017fee-b6c1-4162-929c-a25110252400 f83006c5-a0ff-4e0a-9ed9-d3e6747be7d9",
          "a=ice-ufrag:ETEn",
          "a=ice-pwd:OtSK0WpNtpUjkY4+86js7ZQl",
          "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2",
          "a=setup:actpass",
          "a=rtcp-mux",
          "a=rtcp-rsize",
          "m=video 10102 UDP/TLS/RTP/SAVPF 100 101",
          "c=IN IP4 10.203.0.2",
          "a=mid:v1",
          "a=sendrecv",
          "a=rtpmap:100 VP8/90000",
          "a=rtpmap:101 rtx/90000",
          "a=fmtp:101 apt=100",
          "a=extmap:1 urn:ietf:params:rtp-hdrext:sdes:mid",
          "a=rtcp-fb:100 ccm fir",
          "a=rtcp-fb:100 nack",
          "a=rtcp-fb:100 nack pli",
          "a=msid:47017fee-b6c1-4162-929c-a25110252400 f30bdb4a-5db8-49b5-bcdc-e0c9a23172e0",
          "a=ice-ufrag:BGKk",
          "a=ice-pwd:mqyWsAjvtKwTGnvhPztQ9mIf",
          "a=fingerprint:sha-256 19:E2:1C:3B:4B:9F:81:E6:B8:5C:F4:A5:A8:D8:73:04:BB:05:2F:70:9F:04:A9:0E:05:E9:26:33:E8:70:88:A2",
          "a=setup:actpass",
          "a=rtcp-mux",
          "a=rtcp-rsize",
          "");

  static RTCSessionDescriptionInit jsepOffer() {
    return new RTCSessionDescriptionInit(RTCSdpType.OFFER, JSEP_OFFER);
  }

  /** WPT's generateDataChannelOffer: an offer from a fresh connection with a data channel. */
  static RTCSessionDescriptionInit dataChannelOffer() throws Exception {
    try (RTCPeerConnection other = new RTCPeerConnection()) {
      other.createDataChannel("test");
      return other.createOffer().get(5, TimeUnit.SECONDS);
    }
  }

  /** WPT's promise_rejects: the future fails with a DOMException of that name. */
  static DOMException rejects(String name, CompletableFuture<?> f) throws Exception {
    Throwable cause = failure(f);
    assertThat(cause).isInstanceOf(DOMException.class);
    assertThat(((DOMException) cause).name())
        .as(String.valueOf(cause.getMessage()))
        .isEqualTo(name);
    return (DOMException) cause;
  }

  static TypeError rejectsTypeError(CompletableFuture<?> f) throws Exception {
    Throwable cause = failure(f);
    assertThat(cause).isInstanceOf(TypeError.class);
    return (TypeError) cause;
  }

  static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      Object v = f.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a rejection, got " + v);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }
}

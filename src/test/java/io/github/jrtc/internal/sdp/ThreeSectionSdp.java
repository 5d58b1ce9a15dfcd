package io.github.jrtc.internal.sdp;

/** A test description: sections 0 and 1 bundled (ufrag aaaa), section 2 on its own transport. */
public final class ThreeSectionSdp {
  /** Audio (mid 0) and video (mid 1) bundled with ufrag aaaa; data (mid 2) with ufrag bbbb. */
  public static final String SDP =
      "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0 1\r\n"
          + "m=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:aaaa\r\n"
          + "a=ice-pwd:0123456789012345678901\r\na=mid:0\r\na=rtpmap:111 opus/48000/2\r\n"
          + "m=video 9 UDP/TLS/RTP/SAVPF 96\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:aaaa\r\n"
          + "a=ice-pwd:0123456789012345678901\r\na=mid:1\r\na=rtpmap:96 VP8/90000\r\n"
          + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
          + "a=ice-ufrag:bbbb\r\na=ice-pwd:0123456789012345678901\r\na=mid:2\r\n"
          + "a=sctp-port:5000\r\n";

  private ThreeSectionSdp() {}
}

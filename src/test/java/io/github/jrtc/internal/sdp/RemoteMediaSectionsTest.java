package io.github.jrtc.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RemoteMediaSectionsTest {
  // The shape of GStreamer webrtcbin's max-bundle offer: only the first section has a port.
  private static final String WEBRTCBIN =
      String.join(
          "\r\n",
          "v=0",
          "a=group:BUNDLE video0 audio1",
          "m=video 9 UDP/TLS/RTP/SAVPF 96",
          "a=sendrecv",
          "a=mid:video0",
          "m=audio 0 UDP/TLS/RTP/SAVPF 111",
          "a=bundle-only",
          "a=sendrecv",
          "a=mid:audio1",
          "m=audio 0 UDP/TLS/RTP/SAVPF 111",
          "a=inactive",
          "a=mid:gone",
          "");

  @Test
  void bundleOnlySectionWithPortZeroIsNotRejected() {
    var sections = RemoteMediaSections.parse(WEBRTCBIN);
    assertThat(sections.get("video0").rejected()).isFalse();
    assertThat(sections.get("audio1").rejected()).isFalse();
    assertThat(sections.get("audio1").direction()).isEqualTo("sendrecv");
    assertThat(sections.get("gone").rejected()).isTrue();
  }
}

package io.github.jrtc.internal.recording;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MIME type parsing as the spec's "is type supported", and the codecs chosen for a stream. */
class RecordingFormatTest {
  @Test
  void supportedTypes() {
    for (String t :
        new String[] {
          "",
          "video/webm",
          "video/webm;codecs=vp8,opus",
          "video/webm; codecs=\"vp9, opus\"",
          "VIDEO/WEBM;CODECS=VP8",
          "audio/webm;codecs=opus",
          "video/mp4;codecs=avc1,mp4a.40.2",
          "video/mp4;codecs=avc1.42E01F,opus",
          "audio/mp4"
        }) {
      assertThat(RecordingFormat.isSupported(t)).as(t).isTrue();
    }
  }

  @Test
  void unsupportedTypes() {
    for (String t :
        new String[] {
          "video/ogg",
          "text/plain",
          "webm",
          "video/",
          "video/webm;codecs=vp8,vp9",
          "video/webm;codecs=opus,opus",
          "video/webm;codecs=avc1",
          "video/webm;codecs=mp4a.40.2",
          "audio/webm;codecs=vp8",
          "video/mp4;codecs=vp8",
          "video/webm;codecs=av01",
          "video/webm;codecs"
        }) {
      assertThat(RecordingFormat.isSupported(t)).as(t).isFalse();
    }
    assertThat(RecordingFormat.isSupported(null)).isFalse();
  }

  @Test
  void unnamedCodecsAreChosenForTheTracks() {
    assertThat(RecordingFormat.defaultFor(true).complete(true, true).orElseThrow().mimeType())
        .isEqualTo("video/webm;codecs=vp8,opus");
    assertThat(RecordingFormat.defaultFor(false).complete(false, true).orElseThrow().mimeType())
        .isEqualTo("audio/webm;codecs=opus");
    assertThat(
            RecordingFormat.parse("video/mp4")
                .orElseThrow()
                .complete(true, true)
                .orElseThrow()
                .mimeType())
        .isEqualTo("video/mp4;codecs=avc1,mp4a.40.2");
    RecordingFormat vp8 = RecordingFormat.parse("video/webm;codecs=vp8").orElseThrow();
    assertThat(vp8.complete(true, false).orElseThrow().mimeType())
        .isEqualTo("video/webm;codecs=vp8");
    assertThat(vp8.complete(true, true)).as("a named video-only type cannot hold audio").isEmpty();
    assertThat(RecordingFormat.parse("audio/webm").orElseThrow().complete(true, true)).isEmpty();
    RecordingFormat mp4 = RecordingFormat.parse("video/mp4;codecs=avc1,opus").orElseThrow();
    assertThat(mp4.videoEncoder()).isEqualTo("libopenh264");
    assertThat(mp4.audioEncoder()).isEqualTo("libopus");
    assertThat(mp4.muxer()).isEqualTo("mp4");
  }

  @Test
  void thisFfmpegBuildHasTheEncoders() {
    assertThat(FfmpegAvailability.problem()).isNull();
    for (String e : new String[] {"libvpx", "libvpx-vp9", "libopenh264", "libopus", "aac"}) {
      assertThat(Encoders.has(e)).as(e).isTrue();
    }
  }
}

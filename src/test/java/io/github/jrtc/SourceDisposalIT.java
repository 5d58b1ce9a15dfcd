package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.internal.capture.NativeCapture;
import io.github.jrtc.internal.webrtcjava.AudioPump;
import io.github.jrtc.internal.webrtcjava.NativeMedia;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrameSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bot that creates sources per call must not accumulate them: the native source (and jrtc's
 * native track handles) go when the last track on a source stops, not at engine shutdown. Counted
 * over many create/attach/stop cycles.
 */
class SourceDisposalIT {
  private static final int CYCLES = Integer.getInteger("jrtc.test.sourceCycles", 300);

  @Test
  void stoppedSourcesAreDisposedEveryCycle() throws Exception {
    RTCPeerConnection pc = new RTCPeerConnection();
    try {
      // Warm up the engine, its threads and the allocator before taking the baseline.
      for (int i = 0; i < 50; i++) {
        cycle();
      }
      int sources0 = NativeMedia.liveLocalSources();
      int tracks0 = NativeMedia.liveLocalTracks();
      int feeds0 = AudioPump.shared().feedCount();
      for (int i = 0; i < CYCLES; i++) {
        cycle();
        if (i % 100 == 99) {
          System.out.printf(
              "source disposal: after %d cycles %+d sources, %+d tracks, %+d feeds live%n",
              i + 1,
              NativeMedia.liveLocalSources() - sources0,
              NativeMedia.liveLocalTracks() - tracks0,
              AudioPump.shared().feedCount() - feeds0);
        }
      }
      assertThat(NativeMedia.liveLocalSources()).isEqualTo(sources0);
      assertThat(NativeMedia.liveLocalTracks()).isEqualTo(tracks0);
      assertThat(AudioPump.shared().feedCount()).isEqualTo(feeds0);

      // While a track lives its source stays; a clone keeps it after the original stops.
      AudioSampleSource kept = new AudioSampleSource();
      MediaStreamTrack clone = kept.track().clone();
      assertThat(NativeMedia.liveLocalSources()).isEqualTo(sources0 + 1);
      assertThat(NativeMedia.liveLocalTracks()).isEqualTo(tracks0 + 2);
      kept.track().stop();
      assertThat(NativeMedia.liveLocalSources()).isEqualTo(sources0 + 1);
      clone.stop();
      assertThat(NativeMedia.liveLocalSources()).isEqualTo(sources0);
      // A clone of an ended track is ended and holds nothing native.
      MediaStreamTrack late = clone.clone();
      assertThat(late.readyState()).isEqualTo(MediaStreamTrackState.ENDED);
      assertThat(NativeMedia.liveLocalTracks()).isEqualTo(tracks0);
      kept.close();
    } finally {
      pc.close();
    }
  }

  @Test
  void microphonesAreReleasedEveryCycle() throws Exception {
    MediaServices.requirePulse();
    int sources0 = NativeMedia.liveLocalSources();
    for (int i = 0; i < 20; i++) {
      MediaStreamTrack mic =
          Navigator.mediaDevices()
              .getUserMedia(new MediaStreamConstraints(true, false))
              .get(10, TimeUnit.SECONDS)
              .getAudioTracks()
              .get(0);
      assertThat(NativeCapture.instance().isRecording()).isTrue();
      mic.stop();
      assertThat(NativeCapture.instance().isRecording()).isFalse();
    }
    assertThat(NativeMedia.liveLocalSources()).isEqualTo(sources0);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                MediaServices.sourceOutputs().stream()
                    .noneMatch(
                        l -> l.split("\t")[1].equals(MediaServices.sourceIndex("jrtc_source"))));
  }

  /** One call's worth: an audio and a video source, sent, then hung up. */
  private static void cycle() {
    RTCPeerConnection pc = new RTCPeerConnection();
    AudioSampleSource audio = new AudioSampleSource();
    VideoFrameSource video = new VideoFrameSource(30);
    MediaStream s = new MediaStream();
    RTCRtpSender as = pc.addTrack(audio.track(), s);
    RTCRtpSender vs = pc.addTrack(video.track(), s);
    audio.pushSamples(new short[480]);
    pc.removeTrack(as);
    pc.removeTrack(vs);
    audio.close();
    video.close();
    audio.track().stop();
    video.track().stop();
    pc.close();
  }
}

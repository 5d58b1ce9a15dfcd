package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static io.github.jrtc.Wpt.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jrtc.internal.webrtcjava.NativeEngine;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.media.VideoFrameSource;
import org.junit.jupiter.api.Test;

/**
 * After the engine is disposed (what happens at JVM exit), raw webrtc-java SIGSEGVs on any
 * sender/receiver/track wrapper; jrtc's must answer InvalidStateError or do nothing, never touch
 * freed memory. Reaching the end of this test is the proof: a crash kills the test JVM.
 */
class MediaShutdownIT {
  @Test
  void mediaObjectsAreSafeAfterEngineShutdown() throws Exception {
    VideoFrameSource video = new VideoFrameSource(30);
    AudioSampleSource audio = new AudioSampleSource();
    RTCPeerConnection pc = new RTCPeerConnection();
    RTCRtpSender sender = pc.addTrack(video.track());
    RTCRtpTransceiver audioTransceiver = pc.addTransceiver(audio.track());
    RTCRtpTransceiver empty = pc.addTransceiver("video");
    await(pc.setLocalDescription(await(pc.createOffer())));
    MediaStreamTrack remote = empty.receiver().track();
    var sink = TrackSinks.addVideoSink(remote, f -> {});

    NativeEngine.shutdownShared();

    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.CLOSED);
    rejects("InvalidStateError", sender.replaceTrack(null));
    rejects("InvalidStateError", sender.getStats());
    rejects("InvalidStateError", empty.receiver().getStats());
    assertThat(sender.getParameters().encodings()).isEmpty();
    assertThat(empty.receiver().getContributingSources()).isEmpty();
    assertThat(empty.receiver().getParameters().codecs()).isEmpty();
    assertThatThrownBy(() -> empty.direction(RTCRtpTransceiverDirection.INACTIVE))
        .isInstanceOf(DOMException.class);
    assertThatThrownBy(audioTransceiver::stop).isInstanceOf(DOMException.class);
    // The spec has no closed check here: remembered, never sent to libwebrtc.
    empty.setCodecPreferences(java.util.List.of());
    assertThat(remote.readyState()).isEqualTo(MediaStreamTrackState.ENDED);
    // Sources and tracks of the dead engine: pushes are dropped, toggles are no-ops.
    video.pushRgba(64, 48, new byte[64 * 48 * 4]);
    audio.pushSamples(new short[480]);
    video.track().enabled(false);
    video.track().clone().stop();
    sink.close();
    video.close();
    audio.close();
    // A new connection gets a new engine.
    try (RTCPeerConnection next = new RTCPeerConnection()) {
      assertThat(next.addTransceiver("audio").direction())
          .isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
    }
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.internal.capture.NativeCapture;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * getUserMedia on real webrtc-java devices: the PulseAudio null source (scripts/media-services)
 * recorded through libwebrtc's audio device module, and webrtc-java's real (empty) camera list.
 */
class GetUserMediaIT {
  private final MediaDevices md = Navigator.mediaDevices();

  @AfterEach
  void nothingLeftRecording() {
    await().atMost(Duration.ofSeconds(5)).until(() -> !NativeCapture.instance().isRecording());
  }

  private static Throwable failure(java.util.concurrent.CompletableFuture<?> f) throws Exception {
    try {
      f.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got " + f.join());
  }

  @Test
  void enumerateDevicesListsThePulseAudioNullDevices() throws Exception {
    MediaServices.requirePulse();
    List<MediaDeviceInfo> list = md.enumerateDevices().get(10, TimeUnit.SECONDS);
    assertThat(list)
        .filteredOn(d -> d.kind() == MediaDeviceKind.AUDIOINPUT)
        .extracting(MediaDeviceInfo::deviceId)
        .contains("jrtc_source");
    assertThat(list)
        .filteredOn(d -> d.kind() == MediaDeviceKind.AUDIOOUTPUT)
        .extracting(MediaDeviceInfo::deviceId)
        .contains("jrtc_sink");
    MediaDeviceInfo source =
        list.stream().filter(d -> d.deviceId().equals("jrtc_source")).findFirst().orElseThrow();
    assertThat(source.label()).isEqualTo("jrtc-null-source");
    MediaDeviceInfo sink =
        list.stream().filter(d -> d.deviceId().equals("jrtc_sink")).findFirst().orElseThrow();
    assertThat(sink.label()).isEqualTo("jrtc-null-sink");
    // webrtc-java leaves PulseAudio's monitor sources out.
    assertThat(list).noneMatch(d -> d.deviceId().endsWith(".monitor"));
    // The default source (scripts/media-services sets jrtc_source) comes first.
    assertThat(list.get(0).deviceId()).isEqualTo("jrtc_source");
    // No camera on these machines: webrtc-java lists none.
    assertThat(list).noneMatch(d -> d.kind() == MediaDeviceKind.VIDEOINPUT);
    assertThat(source.toJSON()).contains("\"kind\":\"audioinput\"");
    // Inputs are InputDeviceInfos with what libwebrtc's audio module captures; outputs are not.
    assertThat(source).isInstanceOf(InputDeviceInfo.class);
    MediaTrackCapabilities caps = ((InputDeviceInfo) source).getCapabilities();
    assertThat(caps.deviceId()).isEqualTo("jrtc_source");
    assertThat(caps.groupId()).isEqualTo(source.groupId());
    assertThat(caps.minSampleRate()).isEqualTo(48000);
    assertThat(caps.maxSampleRate()).isEqualTo(48000);
    assertThat(caps.maxChannelCount()).isEqualTo(1);
    assertThat(sink).isNotInstanceOf(InputDeviceInfo.class);
  }

  @Test
  void audioRecordsFromTheNullSourceUntilStopped() throws Exception {
    MediaServices.requirePulse();
    String sourceIndex = MediaServices.sourceIndex("jrtc_source");
    assertThat(MediaServices.sourceOutputs()).noneMatch(l -> l.split("\t")[1].equals(sourceIndex));

    MediaTrackConstraints requested =
        MediaTrackConstraints.builder()
            .deviceId(ConstrainDOMString.exact("jrtc_source"))
            .echoCancellation(false)
            .build();
    MediaStream stream =
        md.getUserMedia(new MediaStreamConstraints(requested, null)).get(10, TimeUnit.SECONDS);
    assertThat(stream.getVideoTracks()).isEmpty();
    MediaStreamTrack track = stream.getAudioTracks().get(0);
    assertThat(track.kind()).isEqualTo("audio");
    assertThat(track.label()).isEqualTo("jrtc-null-source");
    assertThat(track.readyState()).isEqualTo(MediaStreamTrackState.LIVE);
    assertThat(track.getSettings().deviceId()).isEqualTo("jrtc_source");
    assertThat(track.getSettings().echoCancellation()).isFalse();
    assertThat(track.getSettings().sampleRate()).isEqualTo(48000);
    // The spec: getConstraints() is what getUserMedia applied, until applyConstraints replaces it.
    assertThat(track.getConstraints()).isEqualTo(requested);
    MediaTrackConstraints next = MediaTrackConstraints.builder().echoCancellation(false).build();
    track.applyConstraints(next).get(10, TimeUnit.SECONDS);
    assertThat(track.getConstraints()).isEqualTo(next);

    // PulseAudio shows libwebrtc's record stream on the null source while the track is live.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                MediaServices.sourceOutputs().stream()
                    .anyMatch(l -> l.split("\t")[1].equals(sourceIndex)));

    MediaStreamTrack clone = track.clone();
    track.stop();
    assertThat(MediaServices.sourceOutputs()).anyMatch(l -> l.split("\t")[1].equals(sourceIndex));
    clone.stop();
    assertThat(track.readyState()).isEqualTo(MediaStreamTrackState.ENDED);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                MediaServices.sourceOutputs().stream()
                    .noneMatch(l -> l.split("\t")[1].equals(sourceIndex)));
  }

  @Test
  void aHotPluggedSourceFiresDevicechangeAndRecordsWhenChosen() throws Exception {
    MediaServices.requirePulse();
    md.enumerateDevices().get(10, TimeUnit.SECONDS);
    java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
    md.ondevicechange(e -> changed.countDown());
    await().pollDelay(Duration.ofMillis(300)).until(() -> true); // the watcher registers
    String module =
        MediaServices.run(
                "pactl",
                "load-module",
                "module-null-source",
                "source_name=jrtc_second",
                "description=jrtc-second-source")
            .trim();
    try {
      assertThat(changed.await(10, TimeUnit.SECONDS)).as("devicechange fired").isTrue();
      List<MediaDeviceInfo> list = md.enumerateDevices().get(10, TimeUnit.SECONDS);
      assertThat(list).extracting(MediaDeviceInfo::deviceId).contains("jrtc_second");
      assertThat(list.get(0).deviceId()).isEqualTo("jrtc_source");
      // Not the default: webrtc-java alone would record from jrtc_source here (it selects by guid,
      // and PulseAudio's devices have none); jrtc selects the module's position natively.
      String second = MediaServices.sourceIndex("jrtc_second");
      String first = MediaServices.sourceIndex("jrtc_source");
      MediaStreamTrack track =
          md.getUserMedia(
                  new MediaStreamConstraints(
                      MediaTrackConstraints.builder()
                          .deviceId(ConstrainDOMString.exact("jrtc_second"))
                          .build(),
                      null))
              .get(10, TimeUnit.SECONDS)
              .getAudioTracks()
              .get(0);
      try {
        assertThat(track.label()).isEqualTo("jrtc-second-source");
        assertThat(track.getSettings().deviceId()).isEqualTo("jrtc_second");
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () ->
                    MediaServices.sourceOutputs().stream()
                        .anyMatch(l -> l.split("\t")[1].equals(second)));
        assertThat(MediaServices.sourceOutputs()).noneMatch(l -> l.split("\t")[1].equals(first));
      } finally {
        track.stop();
      }
      await()
          .atMost(Duration.ofSeconds(5))
          .until(
              () ->
                  MediaServices.sourceOutputs().stream()
                      .noneMatch(l -> l.split("\t")[1].equals(second)));
    } finally {
      md.ondevicechange(null);
      MediaServices.run("pactl", "unload-module", module);
    }
    MediaServices.awaitDevice("jrtc_second", false);
  }

  @Test
  void nothingRequestedIsATypeError() throws Exception {
    assertThat(failure(md.getUserMedia())).isInstanceOf(TypeError.class);
    assertThat(failure(md.getUserMedia(new MediaStreamConstraints(false, false))))
        .isInstanceOf(TypeError.class);
    assertThat(failure(md.getUserMedia(null))).isInstanceOf(TypeError.class);
  }

  @Test
  void noCameraHereIsNotFound() throws Exception {
    Throwable e = failure(md.getUserMedia(new MediaStreamConstraints(false, true)));
    assertThat(e).isInstanceOf(DOMException.class).isNotInstanceOf(OverconstrainedError.class);
    assertThat(((DOMException) e).name()).isEqualTo("NotFoundError");
    // Audio and video together: the audio track opened first is released again.
    Throwable both = failure(md.getUserMedia(new MediaStreamConstraints(true, true)));
    assertThat(((DOMException) both).name()).isEqualTo("NotFoundError");
  }

  @Test
  void impossibleRequiredConstraintsAreOverconstrained() throws Exception {
    MediaServices.requirePulse();
    Throwable rate =
        failure(
            md.getUserMedia(
                new MediaStreamConstraints(
                    MediaTrackConstraints.builder().sampleRate(ConstrainULong.exact(8000)).build(),
                    null)));
    assertThat(rate).isInstanceOf(OverconstrainedError.class);
    assertThat(((OverconstrainedError) rate).constraint()).isEqualTo("sampleRate");
    assertThat(((DOMException) rate).name()).isEqualTo("OverconstrainedError");

    Throwable id =
        failure(
            md.getUserMedia(
                new MediaStreamConstraints(
                    MediaTrackConstraints.builder()
                        .deviceId(ConstrainDOMString.exact("no-such-device"))
                        .build(),
                    null)));
    assertThat(((OverconstrainedError) id).constraint()).isEqualTo("deviceId");
  }

  @Test
  void engineShutdownEndsCaptureWithoutACrash() throws Exception {
    MediaServices.requirePulse();
    String sourceIndex = MediaServices.sourceIndex("jrtc_source");
    MediaStreamTrack track =
        md.getUserMedia(new MediaStreamConstraints(true, false))
            .get(10, TimeUnit.SECONDS)
            .getAudioTracks()
            .get(0);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                MediaServices.sourceOutputs().stream()
                    .anyMatch(l -> l.split("\t")[1].equals(sourceIndex)));
    NativeEngine.shutdownShared();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                MediaServices.sourceOutputs().stream()
                    .noneMatch(l -> l.split("\t")[1].equals(sourceIndex)));
    track.stop(); // after shutdown: nothing native is touched
    track.enabled(false);
    assertThat(track.readyState()).isEqualTo(MediaStreamTrackState.ENDED);
    assertThat(track.getSettings()).isNotNull();

    // A later call starts a new engine, as new RTCPeerConnection() does.
    MediaStream again =
        md.getUserMedia(new MediaStreamConstraints(true, false)).get(10, TimeUnit.SECONDS);
    assertThat(again.getAudioTracks().get(0).readyState()).isEqualTo(MediaStreamTrackState.LIVE);
    again.getTracks().forEach(MediaStreamTrack::stop);
  }
}

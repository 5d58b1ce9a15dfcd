package io.github.jrtc.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.jrtc.ConstrainBoolean;
import io.github.jrtc.ConstrainDOMString;
import io.github.jrtc.ConstrainULong;
import io.github.jrtc.DOMException;
import io.github.jrtc.MediaDeviceKind;
import io.github.jrtc.MediaStreamConstraints;
import io.github.jrtc.MediaTrackConstraintSet;
import io.github.jrtc.MediaTrackConstraints;
import io.github.jrtc.OverconstrainedError;
import io.github.jrtc.TypeError;
import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.bridge.VideoMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * getUserMedia's choice over fake device lists: ports of WPT mediacapture-streams GUM-*.https.html
 * and MediaDevices-getUserMedia.https.html that do not need a capture to start. No camera exists on
 * the test machines, so every camera case here runs on a fake list; the ITs check what webrtc-java
 * really reports (no camera: NotFoundError).
 */
class UserMediaSelectorTest {
  static final NativeDevice MIC = new NativeDevice(MediaDeviceKind.AUDIOINPUT, "mic", "Mic");
  static final NativeDevice MIC2 = new NativeDevice(MediaDeviceKind.AUDIOINPUT, "mic2", "Mic 2");
  static final NativeDevice CAM = new NativeDevice(MediaDeviceKind.VIDEOINPUT, "cam", "Cam");
  static final NativeDevice CAM2 = new NativeDevice(MediaDeviceKind.VIDEOINPUT, "cam2", "Cam 2");

  static final DeviceSnapshot DEVICES =
      new DeviceSnapshot(
          List.of(MIC, MIC2),
          List.of(),
          List.of(CAM, CAM2),
          Map.of(
              "cam",
              List.of(new VideoMode(640, 480, 30), new VideoMode(1280, 720, 30)),
              "cam2",
              List.of(new VideoMode(1920, 1080, 60))),
          null,
          null);

  static final DeviceSnapshot NOTHING =
      new DeviceSnapshot(
          List.of(),
          List.of(),
          List.of(),
          Map.of(),
          "audio device enumeration did not return",
          null);

  private static UserMediaSelector.Selection select(
      MediaTrackConstraints a, MediaTrackConstraints v) {
    return UserMediaSelector.select(DEVICES, new MediaStreamConstraints(a, v));
  }

  private static MediaTrackConstraints video(MediaTrackConstraints.Builder b) {
    return b.build();
  }

  // GUM-empty-option-param.https.html: getUserMedia({}) rejects with TypeError.
  @Test
  void nothingRequestedIsATypeError() {
    assertThatThrownBy(() -> UserMediaSelector.select(DEVICES, new MediaStreamConstraints()))
        .isInstanceOf(TypeError.class);
    assertThatThrownBy(
            () -> UserMediaSelector.select(DEVICES, new MediaStreamConstraints(false, false)))
        .isInstanceOf(TypeError.class);
    assertThatThrownBy(() -> UserMediaSelector.validate(null)).isInstanceOf(TypeError.class);
  }

  @Test
  void trueTakesTheDefaultDeviceAndFirstFormat() {
    var s = UserMediaSelector.select(DEVICES, new MediaStreamConstraints(true, true));
    assertThat(s.audio().device()).isEqualTo(MIC);
    assertThat(s.audio().settings())
        .containsEntry("echoCancellation", true)
        .containsEntry("autoGainControl", true)
        .containsEntry("noiseSuppression", true)
        .containsEntry("sampleRate", 48000)
        .containsEntry("channelCount", 1);
    assertThat(s.video().device()).isEqualTo(CAM);
    assertThat(s.video().mode()).isEqualTo(new VideoMode(640, 480, 30));
    assertThat(s.video().settings()).containsEntry("resizeMode", "none");
  }

  @Test
  void onlyRequestedKindsAreChosen() {
    var s = UserMediaSelector.select(DEVICES, new MediaStreamConstraints(true, false));
    assertThat(s.audio()).isNotNull();
    assertThat(s.video()).isNull();
  }

  // GUM-impossible-constraint.https.html: {video: {width: {min: 100000}}} → OverconstrainedError.
  @Test
  void impossibleMinWidthIsOverconstrainedOnWidth() {
    assertThatThrownBy(
            () ->
                select(
                    null, video(MediaTrackConstraints.builder().width(ConstrainULong.min(100000)))))
        .isInstanceOfSatisfying(
            OverconstrainedError.class,
            e -> {
              assertThat(e.name()).isEqualTo("OverconstrainedError");
              assertThat(e.constraint()).isEqualTo("width");
            });
  }

  @Test
  void impossibleExactWidthIsOverconstrainedOnWidth() {
    assertThatThrownBy(
            () ->
                select(
                    null, video(MediaTrackConstraints.builder().width(ConstrainULong.exact(1000)))))
        .isInstanceOfSatisfying(
            OverconstrainedError.class, e -> assertThat(e.constraint()).isEqualTo("width"));
  }

  // GUM-invalid-facing-mode.https.html: {video: {facingMode: {exact: 'invalid'}}}.
  @Test
  void exactFacingModeNoCameraReportsIsOverconstrained() {
    assertThatThrownBy(
            () ->
                select(
                    null,
                    video(
                        MediaTrackConstraints.builder()
                            .facingMode(ConstrainDOMString.exact("invalid")))))
        .isInstanceOfSatisfying(
            OverconstrainedError.class, e -> assertThat(e.constraint()).isEqualTo("facingMode"));
  }

  // GUM-trivial-constraint.https.html: {video: {height: {min: 0}}} succeeds.
  @Test
  void trivialConstraintSucceeds() {
    assertThat(
            select(null, video(MediaTrackConstraints.builder().height(ConstrainULong.min(0))))
                .video())
        .isNotNull();
  }

  // GUM-optional-constraint.https.html: an unsatisfiable advanced set does not fail the call.
  @Test
  void unsatisfiableAdvancedSetIsIgnored() {
    var c =
        MediaTrackConstraints.builder()
            .advanced(MediaTrackConstraintSet.builder().width(ConstrainULong.min(100000)).build())
            .build();
    assertThat(select(null, c).video().device()).isEqualTo(CAM);
  }

  // MediaDevices-getUserMedia.https.html: deviceId exact selects that device; a non-existent
  // exact deviceId is OverconstrainedError("deviceId"); as ideal it still succeeds.
  @Test
  void deviceIdExactSelectsAndUnknownExactFails() {
    assertThat(
            select(
                    MediaTrackConstraints.builder()
                        .deviceId(ConstrainDOMString.exact("mic2"))
                        .build(),
                    null)
                .audio()
                .device())
        .isEqualTo(MIC2);
    assertThat(
            select(MediaTrackConstraints.builder().deviceId("mic2").build(), null).audio().device())
        .isEqualTo(MIC2);
    assertThat(
            select(MediaTrackConstraints.builder().deviceId("no-such").build(), null)
                .audio()
                .device())
        .isEqualTo(MIC);
    assertThatThrownBy(
            () ->
                select(
                    MediaTrackConstraints.builder()
                        .deviceId(ConstrainDOMString.exact("no-such"))
                        .build(),
                    null))
        .isInstanceOfSatisfying(
            OverconstrainedError.class, e -> assertThat(e.constraint()).isEqualTo("deviceId"));
  }

  // MediaDevices-getUserMedia.https.html: groupId exact selects the devices of that group.
  @Test
  void groupIdExactSelectsThatGroup() {
    String group = UserMediaSelector.groupId(CAM2);
    var s =
        select(
            null, MediaTrackConstraints.builder().groupId(ConstrainDOMString.exact(group)).build());
    assertThat(s.video().device()).isEqualTo(CAM2);
    assertThat(s.video().settings()).containsEntry("groupId", group);
  }

  // MediaDevices-getUserMedia.https.html: resizeMode "none" works; an exact invalid one fails.
  @Test
  void resizeMode() {
    assertThat(select(null, MediaTrackConstraints.builder().resizeMode("none").build()).video())
        .isNotNull();
    assertThatThrownBy(
            () ->
                select(
                    null,
                    MediaTrackConstraints.builder()
                        .resizeMode(ConstrainDOMString.exact("invalid"))
                        .build()))
        .isInstanceOfSatisfying(
            OverconstrainedError.class, e -> assertThat(e.constraint()).isEqualTo("resizeMode"));
  }

  @Test
  void idealsPickTheNearestFormatAcrossDevices() {
    var s =
        select(
            null, MediaTrackConstraints.builder().width(1920).height(1080).frameRate(60).build());
    assertThat(s.video().device()).isEqualTo(CAM2);
    var hd = select(null, MediaTrackConstraints.builder().width(1280).build());
    assertThat(hd.video().mode()).isEqualTo(new VideoMode(1280, 720, 30));
  }

  @Test
  void audioProcessingStagesFollowTheConstraintsAndDefaultToOn() {
    var s =
        select(
            MediaTrackConstraints.builder()
                .echoCancellation(true)
                .autoGainControl(ConstrainBoolean.ideal(true))
                .noiseSuppression(ConstrainBoolean.exact(false))
                .build(),
            null);
    assertThat(s.audio().settings())
        .containsEntry("echoCancellation", true)
        .containsEntry("autoGainControl", true)
        .containsEntry("noiseSuppression", false);
    // A bare false turns off that stage only; exact true is satisfiable now.
    assertThat(
            select(MediaTrackConstraints.builder().echoCancellation(false).build(), null)
                .audio()
                .settings())
        .containsEntry("echoCancellation", false)
        .containsEntry("autoGainControl", true)
        .containsEntry("noiseSuppression", true);
    assertThat(
            select(
                    MediaTrackConstraints.builder()
                        .echoCancellation(ConstrainBoolean.exact(true))
                        .autoGainControl(ConstrainBoolean.exact(false))
                        .build(),
                    null)
                .audio()
                .settings())
        .containsEntry("echoCancellation", true)
        .containsEntry("autoGainControl", false)
        .containsEntry("noiseSuppression", true);
    assertThatThrownBy(
            () ->
                select(
                    MediaTrackConstraints.builder().sampleRate(ConstrainULong.exact(8000)).build(),
                    null))
        .isInstanceOfSatisfying(
            OverconstrainedError.class, e -> assertThat(e.constraint()).isEqualTo("sampleRate"));
  }

  @Test
  void applyConstraintsOnAMicrophoneKeepsTheDeviceAndSwitchesStages() {
    UserMediaSelector.Choice first = select(MediaTrackConstraints.builder().build(), null).audio();
    assertThat(first.device()).isEqualTo(MIC);
    // On a live track: the same device, the stages the new constraints choose (absent ones go back
    // to their default, on: applyConstraints replaces the constraints, it does not merge them).
    UserMediaSelector.Choice next =
        UserMediaSelector.reselectAudio(
            first,
            MediaTrackConstraints.builder()
                .echoCancellation(false)
                .noiseSuppression(ConstrainBoolean.exact(false))
                .build());
    assertThat(next.device()).isEqualTo(MIC);
    assertThat(next.systemDefault()).isTrue();
    assertThat(next.settings())
        .containsEntry("deviceId", "mic")
        .containsEntry("echoCancellation", false)
        .containsEntry("autoGainControl", true)
        .containsEntry("noiseSuppression", false);
    assertThat(
            UserMediaSelector.reselectAudio(next, MediaTrackConstraints.builder().build())
                .settings())
        .containsEntry("echoCancellation", true)
        .containsEntry("autoGainControl", true)
        .containsEntry("noiseSuppression", true);
    // Another device, or a rate the module does not capture at, cannot be applied.
    assertThatThrownBy(
            () ->
                UserMediaSelector.reselectAudio(
                    first,
                    MediaTrackConstraints.builder()
                        .deviceId(ConstrainDOMString.exact("mic2"))
                        .build()))
        .isInstanceOfSatisfying(
            OverconstrainedError.class, e -> assertThat(e.constraint()).isEqualTo("deviceId"));
    assertThatThrownBy(
            () ->
                UserMediaSelector.reselectAudio(
                    first,
                    MediaTrackConstraints.builder().sampleRate(ConstrainULong.exact(8000)).build()))
        .isInstanceOfSatisfying(
            OverconstrainedError.class, e -> assertThat(e.constraint()).isEqualTo("sampleRate"));
  }

  @Test
  void microphoneCapabilitiesListEachStageAsSwitchable() {
    var caps = UserMediaSelector.microphoneCapabilities(MIC);
    assertThat(caps.echoCancellation()).containsExactly(true, false);
    assertThat(caps.autoGainControl()).containsExactly(true, false);
    assertThat(caps.noiseSuppression()).containsExactly(true, false);
    var cam = UserMediaSelector.cameraCapabilities(CAM, List.of(new VideoMode(640, 480, 30)));
    assertThat(cam.echoCancellation()).isEmpty();
    assertThat(cam.noiseSuppression()).isEmpty();
  }

  // getUserMedia removes constraints not defined for the kind: width in audio is ignored.
  @Test
  void constraintsOfTheOtherKindAreIgnored() {
    var s = select(MediaTrackConstraints.builder().width(ConstrainULong.exact(1)).build(), null);
    assertThat(s.audio().device()).isEqualTo(MIC);
  }

  @Test
  void noDeviceOfAKindIsNotFoundEvenWithRequiredConstraints() {
    assertThatThrownBy(
            () -> UserMediaSelector.select(NOTHING, new MediaStreamConstraints(false, true)))
        .isInstanceOfSatisfying(
            DOMException.class,
            e -> {
              assertThat(e.name()).isEqualTo("NotFoundError");
              assertThat(e).isNotInstanceOf(OverconstrainedError.class);
            });
    assertThatThrownBy(
            () ->
                UserMediaSelector.select(
                    NOTHING,
                    new MediaStreamConstraints(
                        MediaTrackConstraints.builder().sampleRate(ConstrainULong.exact(1)).build(),
                        null)))
        .isInstanceOfSatisfying(
            DOMException.class,
            e -> {
              assertThat(e.name()).isEqualTo("NotFoundError");
              assertThat(e.getMessage()).contains("did not return");
            });
  }

  @Test
  void aCameraWithoutReportedFormatsGetsTheFallbackFormat() {
    var snapshot = new DeviceSnapshot(List.of(), List.of(), List.of(CAM), Map.of(), null, null);
    var s = UserMediaSelector.select(snapshot, new MediaStreamConstraints(false, true));
    assertThat(s.video().mode()).isEqualTo(UserMediaSelector.FALLBACK_MODE);
  }
}

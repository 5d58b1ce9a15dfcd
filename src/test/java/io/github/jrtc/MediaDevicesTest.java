package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.capture.CaptureBackend;
import io.github.jrtc.internal.capture.DeviceBackend;
import io.github.jrtc.internal.capture.NativeDevices;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code navigator.mediaDevices} over a fake device list (Mockito at jrtc's own DeviceBackend
 * seam): ports of WPT mediacapture-streams/MediaDevices-enumerateDevices*.https.html and
 * MediaDevices-getSupportedConstraints.https.html.
 */
class MediaDevicesTest {
  static final NativeDevice MIC = new NativeDevice(MediaDeviceKind.AUDIOINPUT, "mic", "Mic");
  static final NativeDevice MONITOR =
      new NativeDevice(MediaDeviceKind.AUDIOINPUT, "spk.monitor", "Monitor of Speaker");
  static final NativeDevice SPEAKER =
      new NativeDevice(MediaDeviceKind.AUDIOOUTPUT, "spk", "Speaker");
  static final NativeDevice CAM =
      new NativeDevice(MediaDeviceKind.VIDEOINPUT, "/dev/video0", "Cam");

  static DeviceBackend backend(List<NativeDevice> mics, List<NativeDevice> cams) {
    DeviceBackend backend = mock(DeviceBackend.class);
    when(backend.audioInputs()).thenReturn(mics);
    when(backend.audioOutputs()).thenReturn(List.of(SPEAKER));
    when(backend.videoInputs()).thenReturn(cams);
    return backend;
  }

  @Test
  void enumerateDevicesListsInputsThenOutputsWithKindsLabelsAndGroups() throws Exception {
    MediaDevices md =
        new MediaDevices(
            new NativeDevices(backend(List.of(MIC, MONITOR), List.of(CAM)), 1000),
            mock(CaptureBackend.class));
    List<MediaDeviceInfo> list = md.enumerateDevices().get(2, TimeUnit.SECONDS);
    assertThat(list)
        .extracting(MediaDeviceInfo::kind)
        .containsExactly(
            MediaDeviceKind.AUDIOINPUT,
            MediaDeviceKind.AUDIOINPUT,
            MediaDeviceKind.VIDEOINPUT,
            MediaDeviceKind.AUDIOOUTPUT);
    assertThat(list)
        .extracting(MediaDeviceInfo::deviceId)
        .containsExactly("mic", "spk.monitor", "/dev/video0", "spk");
    assertThat(list)
        .extracting(MediaDeviceInfo::label)
        .containsExactly("Mic", "Monitor of Speaker", "Cam", "Speaker");
    // WPT: groupId is a non-empty string; a sink and its monitor are one device.
    assertThat(list).allSatisfy(d -> assertThat(d.groupId()).isNotEmpty());
    assertThat(list.get(1).groupId()).isEqualTo(list.get(3).groupId());
    assertThat(list.get(0).groupId()).isNotEqualTo(list.get(3).groupId());
    assertThatCode(() -> list.add(list.get(0))).isInstanceOf(UnsupportedOperationException.class);
    // audioinput/videoinput entries are InputDeviceInfos; the camera lists no formats here, so
    // its capabilities are the fallback mode selection uses.
    assertThat(list.subList(0, 3)).allMatch(d -> d instanceof InputDeviceInfo);
    assertThat(list.get(3)).isNotInstanceOf(InputDeviceInfo.class);
    MediaTrackCapabilities cam = ((InputDeviceInfo) list.get(2)).getCapabilities();
    assertThat(cam.deviceId()).isEqualTo("/dev/video0");
    assertThat(List.of(cam.minWidth(), cam.maxWidth(), cam.minHeight(), cam.maxHeight()))
        .containsExactly(640, 640, 480, 480);
    assertThat(((InputDeviceInfo) list.get(0)).getCapabilities().maxSampleRate()).isEqualTo(48000);
  }

  @Test
  void cameraCapabilitiesSpanTheListedFormats() throws Exception {
    DeviceBackend backend = backend(List.of(MIC), List.of(CAM));
    when(backend.videoModes(CAM))
        .thenReturn(
            List.of(
                new io.github.jrtc.internal.bridge.VideoMode(320, 240, 15),
                new io.github.jrtc.internal.bridge.VideoMode(1280, 720, 30)));
    MediaDevices md =
        new MediaDevices(new NativeDevices(backend, 1000), mock(CaptureBackend.class));
    MediaTrackCapabilities cam =
        md.enumerateDevices().get(2, TimeUnit.SECONDS).stream()
            .filter(d -> d.kind() == MediaDeviceKind.VIDEOINPUT)
            .map(d -> ((InputDeviceInfo) d).getCapabilities())
            .findFirst()
            .orElseThrow();
    assertThat(List.of(cam.minWidth(), cam.maxWidth(), cam.minHeight(), cam.maxHeight()))
        .containsExactly(320, 1280, 240, 720);
    assertThat(List.of(cam.minFrameRate(), cam.maxFrameRate())).containsExactly(15.0, 30.0);
  }

  private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable>
      assertThatCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    return org.assertj.core.api.Assertions.assertThatThrownBy(c);
  }

  @Test
  void toJsonHasTheFourMembers() {
    var info = new MediaDeviceInfo("id1", MediaDeviceKind.AUDIOOUTPUT, "Speaker", "g1");
    assertThat(info.toJSON())
        .isEqualTo(
            "{\"deviceId\":\"id1\",\"kind\":\"audiooutput\",\"label\":\"Speaker\",\"groupId\":\"g1\"}");
    assertThat(MediaDeviceKind.fromString("videoinput")).isEqualTo(MediaDeviceKind.VIDEOINPUT);
  }

  @Test
  void getSupportedConstraintsListsEveryPropertyAsTrue() {
    MediaDevices md =
        new MediaDevices(
            new NativeDevices(backend(List.of(), List.of()), 1000), mock(CaptureBackend.class));
    MediaTrackSupportedConstraints s = md.getSupportedConstraints();
    for (String name :
        List.of(
            "width",
            "height",
            "aspectRatio",
            "frameRate",
            "facingMode",
            "resizeMode",
            "sampleRate",
            "sampleSize",
            "echoCancellation",
            "autoGainControl",
            "noiseSuppression",
            "latency",
            "channelCount",
            "deviceId",
            "groupId")) {
      assertThat(s.isSupported(name)).as(name).isTrue();
    }
    assertThat(s.width()).isTrue();
    assertThat(s.toJSON()).startsWith("{\"width\":true,\"height\":true");
  }

  @Test
  void devicechangeFiresWhenTheListChanges() throws Exception {
    List<NativeDevice> mics = new ArrayList<>(List.of(MIC));
    DeviceBackend backend = mock(DeviceBackend.class);
    when(backend.audioInputs()).thenAnswer(inv -> List.copyOf(mics));
    when(backend.audioOutputs()).thenReturn(List.of(SPEAKER));
    when(backend.videoInputs()).thenReturn(List.of());
    AtomicReference<Runnable> hotplug = new AtomicReference<>();
    CountDownLatch watching = new CountDownLatch(1);
    doAnswer(
            inv -> {
              hotplug.set(inv.getArgument(0));
              watching.countDown();
              return null;
            })
        .when(backend)
        .watch(any());
    MediaDevices md =
        new MediaDevices(new NativeDevices(backend, 1000), mock(CaptureBackend.class));
    CountDownLatch fired = new CountDownLatch(1);
    AtomicReference<Event> event = new AtomicReference<>();
    md.ondevicechange(
        e -> {
          event.set(e);
          fired.countDown();
        });
    assertThat(watching.await(2, TimeUnit.SECONDS)).isTrue();
    md.enumerateDevices().get(2, TimeUnit.SECONDS);

    mics.add(MONITOR);
    hotplug.get().run();
    assertThat(fired.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(event.get().type()).isEqualTo("devicechange");
    assertThat(event.get().target()).isSameAs(md);
    assertThat(md.enumerateDevices().get(2, TimeUnit.SECONDS))
        .extracting(MediaDeviceInfo::deviceId)
        .contains("spk.monitor");
  }
}

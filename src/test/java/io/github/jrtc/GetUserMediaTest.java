package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.bridge.VideoMode;
import io.github.jrtc.internal.capture.CaptureBackend;
import io.github.jrtc.internal.capture.DeviceBackend;
import io.github.jrtc.internal.capture.NativeDevices;
import io.github.jrtc.internal.capture.UserMediaSelector;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * getUserMedia / getDisplayMedia from constraints to the native capture seam, with a fake camera
 * (no camera exists on the test machines; Mockito at jrtc's DeviceBackend and CaptureBackend).
 */
class GetUserMediaTest {
  private static final NativeDevice MIC =
      new NativeDevice(MediaDeviceKind.AUDIOINPUT, "mic", "Mic");
  private static final NativeDevice CAM =
      new NativeDevice(MediaDeviceKind.VIDEOINPUT, "cam", "Cam");

  private CaptureBackend capture;
  private MediaDevices md;
  private TrackSource micSource;
  private TrackSource camSource;

  @BeforeEach
  void setUp() {
    DeviceBackend backend = mock(DeviceBackend.class);
    when(backend.audioInputs()).thenReturn(List.of(MIC));
    when(backend.audioOutputs()).thenReturn(List.of());
    when(backend.videoInputs()).thenReturn(List.of(CAM));
    when(backend.videoModes(CAM))
        .thenReturn(List.of(new VideoMode(640, 480, 30), new VideoMode(1280, 720, 30)));
    capture = mock(CaptureBackend.class);
    micSource = mock(TrackSource.class);
    when(micSource.kind()).thenReturn("audio");
    when(micSource.id()).thenReturn("mic-track");
    camSource = mock(TrackSource.class);
    when(camSource.kind()).thenReturn("video");
    when(camSource.id()).thenReturn("cam-track");
    md = new MediaDevices(new NativeDevices(backend, 1000), capture);
  }

  private static Throwable failure(CompletableFuture<?> f) throws Exception {
    try {
      f.get(5, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure");
  }

  @Test
  void exactWidthOpensTheMatchingFormat() throws Exception {
    when(capture.openCamera(any())).thenReturn(camSource);
    MediaStream stream =
        md.getUserMedia(
                new MediaStreamConstraints(
                    null,
                    MediaTrackConstraints.builder().width(ConstrainULong.exact(1280)).build()))
            .get(5, TimeUnit.SECONDS);
    assertThat(stream.getTracks()).extracting(MediaStreamTrack::source).containsExactly(camSource);
    ArgumentCaptor<UserMediaSelector.Choice> choice =
        ArgumentCaptor.forClass(UserMediaSelector.Choice.class);
    verify(capture).openCamera(choice.capture());
    assertThat(choice.getValue().device()).isEqualTo(CAM);
    assertThat(choice.getValue().mode()).isEqualTo(new VideoMode(1280, 720, 30));
  }

  @Test
  void impossibleExactWidthIsOverconstrainedAndOpensNothing() throws Exception {
    Throwable e =
        failure(
            md.getUserMedia(
                new MediaStreamConstraints(
                    MediaTrackConstraints.empty(),
                    MediaTrackConstraints.builder().width(ConstrainULong.exact(1000)).build())));
    assertThat(e).isInstanceOf(OverconstrainedError.class);
    assertThat(((OverconstrainedError) e).constraint()).isEqualTo("width");
    verifyNoInteractions(capture);
  }

  @Test
  void aFailingCameraReleasesTheMicrophoneOpenedBeforeIt() throws Exception {
    when(capture.openMicrophone(any())).thenReturn(micSource);
    when(capture.openCamera(any()))
        .thenThrow(new DOMException("Could not start the camera", "NotReadableError"));
    Throwable e = failure(md.getUserMedia(new MediaStreamConstraints(true, true)));
    assertThat(((DOMException) e).name()).isEqualTo("NotReadableError");
    verify(micSource).stop();
  }

  @Test
  void resultsArriveOnTheEventQueueAfterTheCallReturned() throws Exception {
    // The capture waits until the dependent is attached: one attached to an already completed
    // future would run on the attaching thread, whatever thread completed it.
    java.util.concurrent.CountDownLatch attached = new java.util.concurrent.CountDownLatch(1);
    when(capture.openMicrophone(any()))
        .thenAnswer(
            inv -> {
              attached.await(5, TimeUnit.SECONDS);
              return micSource;
            });
    AtomicReference<String> thread = new AtomicReference<>();
    CompletableFuture<MediaStream> f = md.getUserMedia(new MediaStreamConstraints(true, false));
    CompletableFuture<Void> observed =
        f.thenRun(() -> thread.set(Thread.currentThread().getName()));
    attached.countDown();
    observed.get(5, TimeUnit.SECONDS);
    assertThat(thread.get()).startsWith("jrtc-event-");
    // A TypeError decided at call time is delivered through the queue too.
    CompletableFuture<MediaStream> bad = md.getUserMedia();
    assertThat(failure(bad)).isInstanceOf(TypeError.class);
  }

  @Test
  void displayOptionsBecomeTheScreenRequest() throws Exception {
    assertThat(MediaDevices.screenRequest(new DisplayMediaStreamOptions()))
        .isEqualTo(new CaptureBackend.ScreenRequest(null, null, 30));
    var opts =
        DisplayMediaStreamOptions.builder()
            .video(
                MediaTrackConstraints.builder()
                    .width(new ConstrainULong(null, 1920L, null, 1280L))
                    .height(ConstrainULong.max(720))
                    .frameRate(5)
                    .build())
            .audio(true)
            .build();
    assertThat(MediaDevices.screenRequest(opts))
        .isEqualTo(new CaptureBackend.ScreenRequest(1280, 720, 5));
    assertThat(
            MediaDevices.screenRequest(
                    DisplayMediaStreamOptions.builder()
                        .video(MediaTrackConstraints.builder().deviceId("window:0x2a").build())
                        .build())
                .windowId())
        .isEqualTo(42L);
    assertThat(
            MediaDevices.screenRequest(
                    DisplayMediaStreamOptions.builder()
                        .video(
                            MediaTrackConstraints.builder()
                                .deviceId(ConstrainDOMString.ideal("screen:0", "window:77"))
                                .build())
                        .build())
                .windowId())
        .isEqualTo(77L);
    for (String bad : new String[] {"window:", "window:0x", "window:-1", "window:0x1ffffffff"}) {
      assertThatThrownBy(
              () ->
                  MediaDevices.screenRequest(
                      DisplayMediaStreamOptions.builder()
                          .video(MediaTrackConstraints.builder().deviceId(bad).build())
                          .build()))
          .as(bad)
          .isInstanceOf(TypeError.class);
    }
    when(capture.openScreen(any())).thenReturn(camSource);
    assertThat(md.getDisplayMedia(opts).get(5, TimeUnit.SECONDS).getTracks())
        .extracting(MediaStreamTrack::source)
        .containsExactly(camSource);
  }
}

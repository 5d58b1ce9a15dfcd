package io.github.jrtc.internal.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.jrtc.MediaDeviceKind;
import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.bridge.VideoMode;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Enumeration over a backend that hangs, throws or changes: never blocks, never hangs. */
class NativeDevicesTest {
  private static final NativeDevice MIC =
      new NativeDevice(MediaDeviceKind.AUDIOINPUT, "mic", "Mic");
  private static final NativeDevice CAM =
      new NativeDevice(MediaDeviceKind.VIDEOINPUT, "/dev/video0", "Cam");

  @Test
  void hangingAudioEnumerationTimesOutAndIsNotRetried() throws Exception {
    DeviceBackend backend = mock(DeviceBackend.class);
    CountDownLatch never = new CountDownLatch(1);
    when(backend.audioInputs())
        .thenAnswer(
            inv -> {
              never.await(); // as webrtc-java's PulseAudio manager with no server
              return List.of();
            });
    when(backend.videoInputs()).thenReturn(List.of(CAM));
    when(backend.videoModes(CAM)).thenReturn(List.of(new VideoMode(640, 480, 30)));
    NativeDevices devices = new NativeDevices(backend, 4000);

    // The backend never returns until the end of the test: getting here means the call did not
    // wait for it.
    var future = devices.snapshot();
    assertThat(future).isNotDone();

    DeviceSnapshot s = future.get(15, TimeUnit.SECONDS);
    assertThat(s.audioInputs()).isEmpty();
    assertThat(s.audioProblem()).contains("did not return within 4000 ms").contains("PulseAudio");
    assertThat(s.videoInputs()).containsExactly(CAM);
    assertThat(s.modesOf(CAM)).containsExactly(new VideoMode(640, 480, 30));

    devices.invalidate();
    DeviceSnapshot again = devices.snapshot().get(1, TimeUnit.SECONDS);
    assertThat(again.audioProblem()).isEqualTo(s.audioProblem());
    verify(backend, times(1)).audioInputs(); // the stuck thread is not given more work
    verify(backend, times(2)).videoInputs();
    never.countDown();
  }

  @Test
  void aQueryThatWasOnlySlowIsAskedAgainOnceItReturns() throws Exception {
    DeviceBackend backend = mock(DeviceBackend.class);
    CountDownLatch slow = new CountDownLatch(1);
    when(backend.audioInputs())
        .thenAnswer(
            inv -> {
              slow.await(); // a loaded machine, not a missing server
              return List.of(MIC);
            });
    when(backend.audioOutputs()).thenReturn(List.of());
    when(backend.videoInputs()).thenReturn(List.of());
    NativeDevices devices = new NativeDevices(backend, 200);
    assertThat(devices.snapshot().get(5, TimeUnit.SECONDS).audioProblem()).isNotNull();
    slow.countDown();
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .until(() -> devices.snapshot().get(5, TimeUnit.SECONDS).audioInputs().contains(MIC));
  }

  @Test
  void aThrowingQueryIsAProblemAndIsRetriedNextTime() throws Exception {
    DeviceBackend backend = mock(DeviceBackend.class);
    when(backend.audioInputs())
        .thenThrow(new Error("PulseAudio: Could not connect"))
        .thenReturn(List.of(MIC));
    when(backend.audioOutputs()).thenReturn(List.of());
    when(backend.videoInputs()).thenReturn(List.of());
    NativeDevices devices = new NativeDevices(backend, 1000);
    DeviceSnapshot first = devices.snapshot().get(2, TimeUnit.SECONDS);
    assertThat(first.audioProblem()).isEqualTo("PulseAudio: Could not connect");
    DeviceSnapshot second = devices.snapshot().get(2, TimeUnit.SECONDS);
    assertThat(second.audioProblem()).isNull();
    assertThat(second.audioInputs()).containsExactly(MIC);
  }

  @Test
  void resultsAreCachedUntilADeviceChange() throws Exception {
    DeviceBackend backend = mock(DeviceBackend.class);
    when(backend.audioInputs()).thenReturn(List.of(MIC));
    when(backend.audioOutputs()).thenReturn(List.of());
    when(backend.videoInputs()).thenReturn(List.of());
    AtomicReference<Runnable> nativeListener = new AtomicReference<>();
    CountDownLatch watching = new CountDownLatch(1);
    doAnswer(
            inv -> {
              nativeListener.set(inv.getArgument(0));
              watching.countDown();
              return null;
            })
        .when(backend)
        .watch(any());
    NativeDevices devices = new NativeDevices(backend, 1000);
    CountDownLatch changed = new CountDownLatch(1);
    AtomicReference<String> listenerThread = new AtomicReference<>();
    devices.onChange(
        () -> {
          listenerThread.set(Thread.currentThread().getName());
          changed.countDown();
        });
    devices.snapshot().get(2, TimeUnit.SECONDS);
    devices.snapshot().get(2, TimeUnit.SECONDS);
    verify(backend, times(1)).audioInputs();

    assertThat(watching.await(2, TimeUnit.SECONDS)).isTrue();
    nativeListener.get().run(); // as the native hotplug thread would
    assertThat(changed.await(2, TimeUnit.SECONDS)).isTrue();
    assertThat(listenerThread.get()).startsWith("jrtc-event-");
    devices.snapshot().get(2, TimeUnit.SECONDS);
    verify(backend, times(2)).audioInputs();
  }

  @Test
  void futuresCompleteOnJrtcThreadsNotNativeOnes() throws Exception {
    DeviceBackend backend = mock(DeviceBackend.class);
    CountDownLatch release = new CountDownLatch(1);
    when(backend.audioInputs())
        .thenAnswer(
            inv -> {
              release.await();
              return List.of();
            });
    when(backend.audioOutputs()).thenReturn(List.of());
    when(backend.videoInputs()).thenReturn(List.of());
    NativeDevices devices = new NativeDevices(backend, 1000);
    var thread = devices.snapshot().thenApply(s -> Thread.currentThread().getName());
    release.countDown(); // completes on the native query thread; the user's stage must not
    thread.get(2, TimeUnit.SECONDS);
    assertThat(thread.get()).startsWith("jrtc-event-");
  }
}

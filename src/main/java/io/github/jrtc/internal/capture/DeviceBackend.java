package io.github.jrtc.internal.capture;

import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.bridge.VideoMode;
import java.util.List;

/**
 * The native device queries, each of which may block for as long as the platform likes
 * (webrtc-java's PulseAudio enumeration blocks forever when no server runs). Only {@link
 * NativeDevices} calls these, on its own threads with timeouts. A seam for tests.
 */
public interface DeviceBackend {
  /** Microphones, the system default first. */
  List<NativeDevice> audioInputs();

  /** Speakers, the system default first. */
  List<NativeDevice> audioOutputs();

  List<NativeDevice> videoInputs();

  /** The formats {@code camera} can capture in. */
  List<VideoMode> videoModes(NativeDevice camera);

  /**
   * Calls {@code onChange} (on a native thread) whenever a device is plugged in or removed. Touches
   * the audio layer too, so it is only called once audio enumeration has worked.
   */
  void watch(Runnable onChange);
}

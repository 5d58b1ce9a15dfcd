package io.github.jrtc.internal.capture;

import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.bridge.VideoMode;
import java.util.List;
import java.util.Map;

/**
 * What one enumeration found. A kind whose native query failed or timed out has an empty list and a
 * non-null problem saying why.
 */
public record DeviceSnapshot(
    List<NativeDevice> audioInputs,
    List<NativeDevice> audioOutputs,
    List<NativeDevice> videoInputs,
    Map<String, List<VideoMode>> videoModes,
    String audioProblem,
    String videoProblem) {

  public DeviceSnapshot {
    audioInputs = List.copyOf(audioInputs);
    audioOutputs = List.copyOf(audioOutputs);
    videoInputs = List.copyOf(videoInputs);
    videoModes = Map.copyOf(videoModes);
  }

  public List<VideoMode> modesOf(NativeDevice camera) {
    return videoModes.getOrDefault(camera.id(), List.of());
  }
}

package io.github.jrtc.internal.bridge;

import io.github.jrtc.MediaTrackCapabilities;
import io.github.jrtc.MediaTrackConstraints;
import io.github.jrtc.MediaTrackSettings;
import java.util.concurrent.CompletableFuture;

/**
 * What a particular source (camera, screen, microphone, a Java frame source) adds to a native
 * track: its settings, capabilities, constraint handling and what to do when no track uses it any
 * more. Every method has a neutral default.
 */
public interface SourceHooks {
  SourceHooks NONE = new SourceHooks() {};

  default MediaTrackSettings settings() {
    return MediaTrackSettings.empty();
  }

  default MediaTrackCapabilities capabilities() {
    return MediaTrackCapabilities.empty();
  }

  default CompletableFuture<Void> applyConstraints(MediaTrackConstraints constraints) {
    return CompletableFuture.completedFuture(null);
  }

  /** The last track on this source stopped (or the engine shut down): stop capturing. */
  default void release() {}
}

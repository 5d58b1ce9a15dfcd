package io.github.jrtc.internal;

import io.github.jrtc.MediaStreamTrack;

/**
 * Opens native capture for what getUserMedia / getDisplayMedia chose. Each call starts capture (the
 * device is in use once it returns) and returns a live track whose last stop() releases it.
 * Failures are DOMExceptions with the spec's names. A seam for tests.
 */
public interface CaptureBackend {
  MediaStreamTrack openMicrophone(UserMediaSelector.Choice choice);

  MediaStreamTrack openCamera(UserMediaSelector.Choice choice);

  MediaStreamTrack openScreen(ScreenRequest request);

  /** What getDisplayMedia asks of the screen: maxima (null = none) and the frame rate. */
  record ScreenRequest(Integer maxWidth, Integer maxHeight, int frameRate) {}
}

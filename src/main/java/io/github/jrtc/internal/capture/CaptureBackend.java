package io.github.jrtc.internal.capture;

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

  /**
   * What getDisplayMedia asks for: maxima (null = none), the frame rate, and the X11 window to
   * capture (its XID) or null for the whole screen.
   */
  record ScreenRequest(Integer maxWidth, Integer maxHeight, int frameRate, Long windowId) {
    public ScreenRequest(Integer maxWidth, Integer maxHeight, int frameRate) {
      this(maxWidth, maxHeight, frameRate, null);
    }
  }
}

package io.github.jrtc.internal.capture;

import io.github.jrtc.internal.bridge.TrackSource;

/**
 * Opens native capture for what getUserMedia / getDisplayMedia chose. Each call starts capture (the
 * device is in use once it returns) and returns the native side of a live track, which the caller
 * (MediaDevices) wraps in the public track; the last stop() of a track on it releases it. Failures
 * are DOMExceptions with the spec's names. A seam for tests.
 */
public interface CaptureBackend {
  TrackSource openMicrophone(UserMediaSelector.Choice choice);

  TrackSource openCamera(UserMediaSelector.Choice choice);

  TrackSource openScreen(ScreenRequest request);

  /**
   * What getDisplayMedia asks for: maxima (null = none), the frame rate, and the X11 window to
   * capture (its XID) or null for the whole screen.
   */
  record ScreenRequest(Integer maxWidth, Integer maxHeight, int frameRate, Long windowId) {
    /**
     * How a window's deviceId starts ({@code MediaDevices.WINDOW_DEVICE_PREFIX} is this constant:
     * defined here so that capture does not depend on the public class that calls it).
     */
    public static final String WINDOW_DEVICE_PREFIX = "window:";

    /** The deviceId that names window {@code xid}: {@code "window:0x…"}. */
    public static String windowDeviceId(long xid) {
      return WINDOW_DEVICE_PREFIX + "0x" + Long.toHexString(xid);
    }

    public ScreenRequest(Integer maxWidth, Integer maxHeight, int frameRate) {
      this(maxWidth, maxHeight, frameRate, null);
    }
  }
}

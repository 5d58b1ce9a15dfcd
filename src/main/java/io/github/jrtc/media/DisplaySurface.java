package io.github.jrtc.media;

import io.github.jrtc.MediaDevices;
import io.github.jrtc.internal.capture.CaptureBackend;
import io.github.jrtc.internal.jni.NativeX11Windows;
import java.util.ArrayList;
import java.util.List;

/**
 * A surface {@code getDisplayMedia} can share, for an application's own picker. Not standard:
 * browsers show their picker and never tell a page what else is on the screen; jrtc has no picker,
 * so an application lists the windows here and passes the chosen one's {@link #deviceId()} as the
 * video constraint {@code deviceId} ({@code "window:0x…"}, see {@link
 * MediaDevices#WINDOW_DEVICE_PREFIX}); without a deviceId getDisplayMedia shares the whole screen.
 *
 * @param deviceId what getDisplayMedia's {@code deviceId} takes to share this surface
 * @param label the window's title
 * @param displaySurface the spec's {@code DisplayCaptureSurfaceType}: {@code "window"}
 * @param width the width in pixels when listed
 * @param height the height in pixels when listed
 */
public record DisplaySurface(
    String deviceId, String label, String displaySurface, int width, int height) {

  /**
   * The viewable, named top-level windows of the X display ({@code DISPLAY}), bottom of the
   * stacking order first; empty without a display (or where jrtc's native library is not loaded).
   *
   * @return the windows, an unmodifiable list
   */
  public static List<DisplaySurface> windows() {
    List<DisplaySurface> out = new ArrayList<>();
    for (NativeX11Windows.Window w : NativeX11Windows.list()) {
      out.add(
          new DisplaySurface(
              CaptureBackend.ScreenRequest.windowDeviceId(w.xid()),
              w.name(),
              "window",
              w.width(),
              w.height()));
    }
    return List.copyOf(out);
  }
}

package io.github.jrtc.internal.jni;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The top-level windows of the X display ({@code native/src/x11_windows.cpp}), for a picker of what
 * getDisplayMedia shares. webrtc-java's {@code WindowCapturer.getDesktopSources()} would list them
 * but is a SIGSEGV on Linux in 0.14.0.
 */
public final class NativeX11Windows {
  private static final Logger LOG = LoggerFactory.getLogger(NativeX11Windows.class);

  /** One window: its XID, size in pixels and name (WM_NAME). */
  public record Window(long xid, int width, int height, String name) {}

  private NativeX11Windows() {}

  /**
   * The viewable, named top-level windows of {@code DISPLAY} (a window manager's frame or a
   * toolkit's wrapper listed with the name of the application's window inside it), bottom of the
   * stacking order first. Empty when they cannot be listed: no display, no libX11, or no X error
   * handler that keeps a window closed during the walk from ending the JVM.
   */
  public static List<Window> list() {
    if (NativeX11Guard.ensureInstalled() == NativeX11Guard.State.UNAVAILABLE) {
      return List.of();
    }
    byte[] lines;
    try {
      lines = list0();
    } catch (LinkageError e) {
      LOG.warn("Cannot list X11 windows ({})", e.toString());
      return List.of();
    }
    return lines == null ? List.of() : parse(new String(lines, StandardCharsets.UTF_8));
  }

  /** The native side's lines, "{@code <xid> <width>x<height> <name>}"; malformed ones skipped. */
  static List<Window> parse(String text) {
    List<Window> out = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String[] parts = line.split(" ", 3);
      if (parts.length < 3) {
        continue;
      }
      int x = parts[1].indexOf('x');
      try {
        out.add(
            new Window(
                Long.parseUnsignedLong(parts[0]),
                Integer.parseInt(parts[1].substring(0, Math.max(0, x))),
                Integer.parseInt(parts[1].substring(x + 1)),
                parts[2]));
      } catch (NumberFormatException | IndexOutOfBoundsException e) {
        LOG.debug("Skipping window line '{}'", line);
      }
    }
    return List.copyOf(out);
  }

  private static native byte[] list0();
}

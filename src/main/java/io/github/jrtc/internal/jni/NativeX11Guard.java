package io.github.jrtc.internal.jni;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps X protocol errors from ending the JVM ({@code native/src/x11_error_guard.cpp}): Xlib's
 * default error handler calls exit(), and libwebrtc's X11 window capturer makes a request that
 * fails without a window manager (BadAtom: it reads WM_STATE through an atom that does not exist
 * yet). Installed once, before the first desktop capture starts, and only while the process has
 * Xlib's default handler (a toolkit's own handler is kept). Errors are counted, not thrown: the
 * capturer carries on as if the property were absent.
 */
public final class NativeX11Guard {
  private static final Logger LOG = LoggerFactory.getLogger(NativeX11Guard.class);

  /** What {@link #ensureInstalled()} found. */
  public enum State {
    /** jrtc's handler records X errors. */
    INSTALLED,
    /** Another handler (a toolkit's) was set before and is kept: it decides. */
    OTHER_HANDLER,
    /** libX11 or jrtc's native library is not available: Xlib's default handler stays. */
    UNAVAILABLE
  }

  private static volatile State state;

  private NativeX11Guard() {}

  /** Installs the handler the first time; later calls return what the first one found. */
  public static synchronized State ensureInstalled() {
    if (state != null) {
      return state;
    }
    State s = State.UNAVAILABLE;
    if (!"false".equalsIgnoreCase(System.getProperty("jrtc.x11Guard")) && NativeLibrary.loaded()) {
      try {
        s =
            switch (install()) {
              case 1 -> State.INSTALLED;
              case 2 -> State.OTHER_HANDLER;
              default -> State.UNAVAILABLE;
            };
      } catch (LinkageError e) {
        LOG.warn("Cannot install jrtc's X11 error handler ({})", e.toString());
      }
    }
    LOG.debug("X11 error guard: {}", s);
    state = s;
    return s;
  }

  /** X protocol errors jrtc's handler recorded since it was installed. */
  public static long errors() {
    return counters()[0];
  }

  /**
   * The last recorded error as "error E, request R.M" (Xlib's codes: 5 is BadAtom, request 20 is
   * GetProperty), or null when none was.
   */
  public static String lastError() {
    long last = counters()[1];
    if (last < 0) {
      return null;
    }
    return "error " + (last & 0xff) + ", request " + ((last >> 8) & 0xff) + "." + (last >> 16);
  }

  private static long[] counters() {
    long[] out = {0, -1};
    if (state == State.INSTALLED) {
      counters(out);
    }
    return out;
  }

  /**
   * Whether the X11 window {@code xid} exists on the default display: TRUE, FALSE, or null when
   * that cannot be told (guard not installed, no display). Walks the window tree from the root, so
   * no request fails for a wrong XID.
   */
  public static Boolean windowExists(long xid) {
    if (ensureInstalled() != State.INSTALLED) {
      return null;
    }
    int r = windowExists0(xid);
    return r < 0 ? null : r == 1;
  }

  private static native int install();

  private static native int windowExists0(long xid);

  private static native void counters(long[] out);
}

package io.github.jrtc.internal.webrtcjava;

import io.github.jrtc.internal.jni.NativeHandleField;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one accessor for the native pointer behind a webrtc-java object (its private {@code
 * NativeObject.nativeHandle}). jrtc needs it to tell wrappers apart (webrtc-java returns a new Java
 * object per call), to release what webrtc-java leaks, and to reach libwebrtc objects from its own
 * native library.
 *
 * <p>Through jrtc's native library ({@link NativeHandleField}: JNI, which module encapsulation does
 * not restrict) when it is loaded. Without it, by reflection, which works only on the class path
 * (on the module path webrtc-java's {@code internal} package is not open to jrtc): then every
 * handle reads as 0 and what depends on it degrades, as logged once.
 */
public final class NativeHandles {
  private static final Logger LOG = LoggerFactory.getLogger(NativeHandles.class);
  private static final Field REFLECTED = NativeHandleField.available() ? null : reflectedField();

  private NativeHandles() {}

  /** Whether handles can be read at all here. */
  public static boolean available() {
    return NativeHandleField.available() || REFLECTED != null;
  }

  /** Whether they are read through jrtc's native library (not reflection). */
  public static boolean throughJni() {
    return NativeHandleField.available();
  }

  /** The native pointer behind a webrtc-java object; 0 when unknown, cleared or unreachable. */
  public static long of(Object nativeObject) {
    if (nativeObject == null) {
      return 0;
    }
    if (REFLECTED == null) {
      return NativeHandleField.get(nativeObject);
    }
    try {
      return REFLECTED.getLong(nativeObject);
    } catch (IllegalAccessException | RuntimeException e) {
      return 0;
    }
  }

  private static Field reflectedField() {
    try {
      // By name: webrtc-java's module does not export the package, so it cannot be named in code.
      Field f =
          Class.forName("dev.onvoid.webrtc.internal.NativeObject").getDeclaredField("nativeHandle");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "Cannot reach webrtc-java's native handles without jrtc's native library ({}):"
              + " closed peer connections keep their native memory and transceivers cannot be"
              + " told apart",
          e.toString());
      return null;
    }
  }
}

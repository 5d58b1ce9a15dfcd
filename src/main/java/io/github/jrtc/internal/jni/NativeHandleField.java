package io.github.jrtc.internal.jni;

/**
 * webrtc-java's private {@code NativeObject.nativeHandle}, read and written through JNI ({@code
 * native/src/native_handle.cpp}): JNI is not bound by module encapsulation, so this works on the
 * module path, where reflection into webrtc-java's non-exported {@code dev.onvoid.webrtc.internal}
 * fails. Usable only when {@link #available()}.
 */
public final class NativeHandleField {
  private static final boolean AVAILABLE = NativeLibrary.loaded() && available0();

  private NativeHandleField() {}

  /** jrtc's library is loaded and found webrtc-java's field. */
  public static boolean available() {
    return AVAILABLE;
  }

  /** The native pointer behind a webrtc-java object; 0 when unknown, cleared or unavailable. */
  public static long get(Object nativeObject) {
    return AVAILABLE && nativeObject != null ? get0(nativeObject) : 0;
  }

  /** Replaces the pointer behind a webrtc-java object; false when that is not possible. */
  public static boolean set(Object nativeObject, long handle) {
    return AVAILABLE && nativeObject != null && set0(nativeObject, handle);
  }

  /**
   * Drops one reference on the libwebrtc object at {@code handle} (a {@code RefCountInterface});
   * true when that was the last one. The caller guarantees nothing uses the handle again.
   */
  public static boolean release(long handle) {
    return AVAILABLE && handle != 0 && release0(handle);
  }

  private static native boolean available0();

  private static native boolean release0(long handle);

  private static native long get0(Object nativeObject);

  private static native boolean set0(Object nativeObject, long handle);
}

package io.github.jrtc.internal;

import dev.onvoid.webrtc.internal.NativeObject;
import dev.onvoid.webrtc.internal.RefCountedObject;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the reference webrtc-java 0.14.0 keeps on a native peer connection and never gives back
 * (upstream issue #239: {@code RTCPeerConnection.close()} nulls its handle without {@code
 * Release()}, about 130 kB per connection).
 *
 * <p>The release goes through webrtc-java's own {@code RefCountedObject.release()} (JNI: {@code
 * GetHandle<webrtc::RefCountInterface>(...)->Release()}, compiled against libwebrtc M138 by
 * webrtc-java's build): a carrier object is given the connection's handle and released. That is
 * sound because webrtc-java stores the handle as a {@code webrtc::PeerConnectionInterface*} ({@code
 * JavaFactories::create(env, pc.release())}) and {@code PeerConnectionInterface} derives from
 * {@code RefCountInterface} alone, so both pointers are the same address; no vtable layout is
 * assumed by jrtc. The handle is a {@code PeerConnectionProxy}: its destructor hops onto the
 * signaling thread, so it may be released from any thread except while that thread is gone (after
 * the factory's dispose): {@link NativeEngine} orders the two.
 *
 * <p>System property {@code jrtc.releaseNativePeerConnection=false} turns the release off (to
 * measure the leak, or as an escape hatch).
 */
final class NativeRelease {
  private static final Logger LOG = LoggerFactory.getLogger(NativeRelease.class);
  private static final Field HANDLE = handleField();

  private NativeRelease() {}

  /** webrtc-java's private {@code nativeHandle}; the carrier is never used for anything else. */
  private static final class Carrier extends RefCountedObject {}

  private static Field handleField() {
    try {
      Field f = NativeObject.class.getDeclaredField("nativeHandle");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "Cannot reach webrtc-java's native handles ({}): closed peer connections will leak"
              + " their native memory",
          e.toString());
      return null;
    }
  }

  static boolean enabled() {
    return HANDLE != null
        && !"false".equalsIgnoreCase(System.getProperty("jrtc.releaseNativePeerConnection"));
  }

  /** The native pointer behind a webrtc-java object, 0 if unknown or already cleared. */
  static long handleOf(Object nativeObject) {
    if (HANDLE == null || nativeObject == null) {
      return 0;
    }
    try {
      return HANDLE.getLong(nativeObject);
    } catch (IllegalAccessException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * Releases one reference on {@code handle}. Returns true when that was the last one (the native
   * object is gone). The caller guarantees nothing will use the handle again.
   */
  static boolean release(long handle) {
    if (HANDLE == null || handle == 0) {
      return false;
    }
    Carrier carrier = new Carrier();
    try {
      HANDLE.setLong(carrier, handle);
      carrier.release();
      // webrtc-java clears the carrier's handle only when the last reference dropped.
      return HANDLE.getLong(carrier) == 0;
    } catch (IllegalAccessException | RuntimeException | Error e) {
      LOG.warn("Releasing a native peer connection failed", e);
      return false;
    }
  }
}

package io.github.jrtc.internal.webrtcjava;

import io.github.jrtc.internal.jni.NativeHandleField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the reference webrtc-java 0.14.0 keeps on a native peer connection and never gives back
 * (upstream issue #239: {@code RTCPeerConnection.close()} nulls its handle without {@code
 * Release()}; docs/benchmarks.md has what it costs per connection).
 *
 * <p>The release is one virtual call through jrtc's native library ({@link
 * NativeHandleField#release}): webrtc-java stores the handle as a {@code
 * webrtc::PeerConnectionInterface*} ({@code JavaFactories::create(env, pc.release())}) and {@code
 * PeerConnectionInterface} derives from {@code RefCountInterface} alone, so the pointer is the
 * {@code RefCountInterface} and its vtable starts with {@code AddRef}, {@code Release}. The handle
 * is a {@code PeerConnectionProxy}: its destructor hops onto the signaling thread, so it may be
 * released from any thread except while that thread is gone (after the factory's dispose): {@link
 * NativeEngine} orders the two. Without jrtc's native library nothing is released (webrtc-java's
 * own behaviour).
 *
 * <p>System property {@code jrtc.releaseNativePeerConnection=false} turns the release off (to
 * measure the leak, or as an escape hatch).
 */
public final class NativeRelease {
  private static final Logger LOG = LoggerFactory.getLogger(NativeRelease.class);

  private NativeRelease() {}

  static boolean enabled() {
    return NativeHandleField.available()
        && !"false".equalsIgnoreCase(System.getProperty("jrtc.releaseNativePeerConnection"));
  }

  /**
   * Releases one reference on {@code handle}. Returns true when that was the last one (the native
   * object is gone). The caller guarantees nothing will use the handle again.
   */
  static boolean release(long handle) {
    if (handle == 0 || !NativeHandleField.available()) {
      return false;
    }
    try {
      return NativeHandleField.release(handle);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Releasing a native peer connection failed", e);
      return false;
    }
  }
}

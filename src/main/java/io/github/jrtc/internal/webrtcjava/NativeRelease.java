package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.internal.RefCountedObject;
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
public final class NativeRelease {
  private static final Logger LOG = LoggerFactory.getLogger(NativeRelease.class);

  private NativeRelease() {}

  /** Carries the handle to release; never used for anything else. */
  private static final class Carrier extends RefCountedObject {}

  static boolean enabled() {
    return NativeHandles.available()
        && !"false".equalsIgnoreCase(System.getProperty("jrtc.releaseNativePeerConnection"));
  }

  /**
   * Releases one reference on {@code handle}. Returns true when that was the last one (the native
   * object is gone). The caller guarantees nothing will use the handle again.
   */
  static boolean release(long handle) {
    if (handle == 0 || !NativeHandles.available()) {
      return false;
    }
    Carrier carrier = new Carrier();
    try {
      if (!NativeHandles.set(carrier, handle)) {
        return false;
      }
      carrier.release();
      // webrtc-java clears the carrier's handle only when the last reference dropped.
      return NativeHandles.of(carrier) == 0;
    } catch (RuntimeException | Error e) {
      LOG.warn("Releasing a native peer connection failed", e);
      return false;
    }
  }
}

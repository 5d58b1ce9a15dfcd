package io.github.jrtc.internal.webrtcjava;

import io.github.jrtc.internal.jni.NativeHandleField;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One reference that webrtc-java handed jrtc with a wrapper and never gives back: {@code addTrack}
 * returns its sender and {@code addTransceiver} its transceiver through {@code
 * JavaFactories::create(env, x.release())}, and neither wrapper has a dispose. Each kept the sender
 * (with its track and source) or transceiver of every call until the process ended.
 *
 * <p>Given back when the connection closes, as a {@link NativeDependent}: after the native close
 * (the connection's own transceivers still hold theirs, so this is never the last reference before
 * the connection is released) and with the wrapper's handle cleared first, so a late call on it is
 * webrtc-java's null-handle no-op rather than a use of freed memory. Both interfaces derive from
 * {@code RefCountInterface} first, which is what {@link NativeHandleField#release} calls through.
 * Without jrtc's native library, or with {@code jrtc.releaseNativePeerConnection=false}, nothing is
 * released (webrtc-java's own behaviour).
 */
final class NativeReference implements NativeDependent {
  private final Object wrapper;
  private final NativeEngine engine;
  private final AtomicBoolean released = new AtomicBoolean();

  NativeReference(NativeEngine engine, Object wrapper) {
    this.engine = engine;
    this.wrapper = wrapper;
  }

  @Override
  public void invalidate() {
    if (!released.compareAndSet(false, true) || !NativeRelease.enabled()) {
      return;
    }
    engine.whileAlive(
        () -> {
          long handle = NativeHandleField.get(wrapper);
          if (handle != 0 && NativeHandleField.set(wrapper, 0)) {
            NativeRelease.release(handle);
          }
        });
  }

  @Override
  public String toString() {
    return "reference to " + wrapper.getClass().getSimpleName();
  }
}

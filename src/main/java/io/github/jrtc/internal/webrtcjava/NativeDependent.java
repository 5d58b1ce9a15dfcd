package io.github.jrtc.internal.webrtcjava;

/**
 * A wrapper around a native object that belongs to one peer connection (data channel, and for the
 * media code: sender, receiver, transceiver). The connection invalidates every dependent after its
 * native close and before it releases its own native object, so no dependent touches freed memory.
 */
interface NativeDependent {
  /**
   * Stops every native use, waits for calls in flight, and drops the native references. Idempotent;
   * never throws; may run on any thread except libwebrtc's.
   */
  void invalidate();
}

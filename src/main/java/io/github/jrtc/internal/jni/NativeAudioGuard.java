package io.github.jrtc.internal.jni;

import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts jrtc's never-recording wrapper ({@code native/src/audio_device_guard.cpp}) in front of the
 * factory's headless audio device module, before the factory is created: libwebrtc then can never
 * start the module's capture thread, which would call AudioSendStream::SendAudioData beside {@code
 * AudioPump}'s pushes (a race-checker abort). Playout and everything else are forwarded.
 *
 * <p>The Java module object's handle is swapped for the wrapper, which takes over that object's
 * reference on the headless module: webrtc-java's factory takes its own reference on the wrapper,
 * and the module's {@code dispose()} (Terminate, then Release) reaches the wrapper, whose last
 * Release gives the headless module back. System property {@code jrtc.audioGuard=false} leaves the
 * module unwrapped ({@code AudioPump} then stops its recording every round instead).
 */
public final class NativeAudioGuard {
  private static final Logger LOG = LoggerFactory.getLogger(NativeAudioGuard.class);

  private NativeAudioGuard() {}

  /** Whether the wrapper can be used here (jrtc's native library loaded, not turned off). */
  static boolean available() {
    return !"false".equalsIgnoreCase(System.getProperty("jrtc.audioGuard"))
        && NativeLibrary.loaded();
  }

  /** Wraps {@code module} in place; false (module untouched) when that is not possible. */
  public static boolean install(AudioDeviceModuleBase module) {
    if (!available()) {
      return false;
    }
    try {
      long inner = NativeHandleField.get(module);
      if (inner == 0) {
        return false;
      }
      long wrapper = wrap(inner);
      return NativeHandleField.set(module, wrapper);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Cannot wrap the engine's audio device module ({})", e.toString());
      return false;
    }
  }

  /** InitRecording calls refused since the process started (diagnostics, tests). */
  public static long refusedInitRecording() {
    return counter(0);
  }

  /** StartRecording calls refused since the process started. */
  public static long refusedStartRecording() {
    return counter(1);
  }

  /** Wrappers not yet freed (one per live engine). */
  public static long liveWrappers() {
    return counter(2);
  }

  /**
   * Whether the module behind a wrapper from {@link #install} is recording (never, if the guard
   * works); {@code wrapperHandle} is the handle of the module object it was installed on. Only
   * while that module is alive.
   */
  public static boolean wrappedModuleRecording(long wrapperHandle) {
    return wrapperHandle != 0 && innerRecording(wrapperHandle);
  }

  private static long counter(int index) {
    if (!NativeLibrary.loaded()) {
      return 0;
    }
    long[] out = new long[3];
    counters(out);
    return out[index];
  }

  private static native long wrap(long innerHandle);

  private static native void counters(long[] out);

  private static native boolean innerRecording(long wrapperHandle);
}

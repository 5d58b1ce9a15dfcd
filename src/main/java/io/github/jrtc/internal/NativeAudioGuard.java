package io.github.jrtc.internal;

import dev.onvoid.webrtc.internal.NativeObject;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import java.lang.reflect.Field;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts jrtc's never-recording wrapper ({@code native/src/audio_device_guard.cpp}) in front of the
 * factory's headless audio device module, before the factory is created: libwebrtc then can never
 * start the module's capture thread, which would call AudioSendStream::SendAudioData beside {@link
 * AudioPump}'s pushes (a race-checker abort). Playout and everything else are forwarded.
 *
 * <p>The Java module object's handle is swapped for the wrapper, which takes over that object's
 * reference on the headless module: webrtc-java's factory takes its own reference on the wrapper,
 * and the module's {@code dispose()} (Terminate, then Release) reaches the wrapper, whose last
 * Release gives the headless module back. System property {@code jrtc.audioGuard=false} leaves the
 * module unwrapped ({@link AudioPump} then stops its recording every round instead).
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
  static boolean install(AudioDeviceModuleBase module) {
    if (!available()) {
      return false;
    }
    try {
      Field handle = NativeObject.class.getDeclaredField("nativeHandle");
      handle.setAccessible(true);
      long inner = handle.getLong(module);
      if (inner == 0) {
        return false;
      }
      long wrapper = wrap(inner);
      handle.setLong(module, wrapper);
      return true;
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
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
   * Whether webrtc-java's headless module behind {@code engine}'s wrapper is recording (never, if
   * the guard works); false when the engine's module is not wrapped. Only while the engine runs.
   */
  public static boolean wrappedModuleRecording(NativeEngine engine) {
    synchronized (engine) {
      if (!engine.recordingRefused() || engine.isDisposed()) {
        return false;
      }
      return innerRecording(NativeRelease.handleOf(engine.audioModule()));
    }
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

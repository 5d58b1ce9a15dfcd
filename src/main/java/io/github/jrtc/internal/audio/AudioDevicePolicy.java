package io.github.jrtc.internal.audio;

import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether jrtc may open sound devices, and how it opens one. System property {@code jrtc.audio}:
 * {@code auto} (the default; {@code native} is an old name for it) opens the system's sound server
 * for microphone tracks and {@link io.github.jrtc.media.AudioOutput}; {@code none} (or {@code
 * headless}) never opens one — microphones are then NotReadableError. No value changes the engine's
 * own module, which is always headless (see {@link NativeEngine}).
 */
public final class AudioDevicePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(AudioDevicePolicy.class);

  /** How long opening a sound device may take; system property {@code jrtc.audio.openTimeoutMs}. */
  static final long OPEN_TIMEOUT_MS = Long.getLong("jrtc.audio.openTimeoutMs", 5000);

  private AudioDevicePolicy() {}

  /** Whether {@code jrtc.audio} allows sound devices. */
  public static boolean devicesAllowed() {
    String mode = System.getProperty("jrtc.audio", "auto").trim().toLowerCase(Locale.ROOT);
    return !(mode.equals("none") || mode.equals("headless") || mode.equals("off"));
  }

  /**
   * A standalone webrtc-java module (the platform's: PulseAudio on Linux), opened on a daemon
   * thread: without a sound server its initialisation can block for good, and without a sound card
   * it throws. Failures are NotReadableError naming {@code what}.
   */
  static AudioDeviceModule open(String what) {
    if (!devicesAllowed()) {
      throw Errors.notReadable(
          "Sound devices are disabled (-Djrtc.audio=" + System.getProperty("jrtc.audio") + ")");
    }
    FutureTask<AudioDeviceModule> task = new FutureTask<>(AudioDeviceModule::new);
    Thread t = new Thread(task, "jrtc-audio-open");
    t.setDaemon(true);
    t.start();
    try {
      return task.get(OPEN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw Errors.notReadable(
          "Could not open the sound system for " + what + ": " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      // The thread stays stuck in native code; a module it may still return is disposed then.
      Thread reaper =
          new Thread(
              () -> {
                try {
                  task.get().dispose();
                } catch (Exception | Error ignored) {
                  // it never opened
                }
              },
              "jrtc-audio-open-reaper");
      reaper.setDaemon(true);
      reaper.start();
      LOG.warn("Opening the sound system for {} hung for {} ms", what, OPEN_TIMEOUT_MS);
      throw Errors.notReadable(
          "The sound system did not answer within " + OPEN_TIMEOUT_MS + " ms (" + what + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Errors.notReadable("Interrupted while opening the sound system for " + what);
    }
  }

  /** Runs a native step with a timeout on a daemon thread; false if it failed or hung. */
  static boolean runBounded(String what, Runnable step) {
    FutureTask<Void> task = new FutureTask<>(step, null);
    Thread t = new Thread(task, "jrtc-audio-" + what);
    t.setDaemon(true);
    t.start();
    try {
      task.get(OPEN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      LOG.warn("Audio device step '{}' failed", what, e.getCause());
    } catch (TimeoutException e) {
      LOG.warn("Audio device step '{}' hung for {} ms", what, OPEN_TIMEOUT_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }
}

package io.github.jrtc.internal.capture;

import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.bridge.VideoMode;
import io.github.jrtc.internal.jni.NativeCallbacks;
import io.github.jrtc.internal.loop.EventThreads;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device enumeration that never hangs its caller. Audio and video queries run on their own daemon
 * threads (webrtc-java's audio and video device managers have separate locks); each query has a
 * timeout. A query that times out leaves its thread stuck in native code for good (webrtc-java's
 * PulseAudio manager deadlocks in its constructor when no server runs and keeps its lock), so that
 * kind is then reported as unavailable, without queueing more work behind it, until the call
 * returns after all (it was only slow). Results are cached until a device change is reported.
 */
public final class NativeDevices {
  private static final Logger LOG = LoggerFactory.getLogger(NativeDevices.class);

  /** How long one native query may take; system property {@code jrtc.devices.timeoutMs}. */
  public static final long DEFAULT_TIMEOUT_MS = Long.getLong("jrtc.devices.timeoutMs", 5000);

  private static NativeDevices shared;

  private final DeviceBackend backend;
  private final long timeoutMs;
  private final ExecutorService audioThread =
      Executors.newSingleThreadExecutor(EventThreads.daemonFactory("jrtc-devices-audio-"));
  private final ExecutorService videoThread =
      Executors.newSingleThreadExecutor(EventThreads.daemonFactory("jrtc-devices-video-"));
  private volatile String audioStuck;
  private volatile String videoStuck;
  private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
  private CompletableFuture<DeviceSnapshot> cached; // guarded by this
  private boolean watching; // guarded by this

  public NativeDevices(DeviceBackend backend, long timeoutMs) {
    this.backend = backend;
    this.timeoutMs = timeoutMs;
  }

  /** The process-wide instance over webrtc-java. */
  public static synchronized NativeDevices shared() {
    if (shared == null) {
      shared = new NativeDevices(new WebrtcJavaDeviceBackend(), DEFAULT_TIMEOUT_MS);
    }
    return shared;
  }

  public long timeoutMs() {
    return timeoutMs;
  }

  /**
   * The devices, from the cache or a fresh enumeration. Never fails: a kind that could not be
   * enumerated comes back empty with its problem. Completes on jrtc's event pool, never on the
   * caller's thread or a native one.
   */
  public synchronized CompletableFuture<DeviceSnapshot> snapshot() {
    if (cached == null || failedAndRetryable(cached)) {
      cached = enumerate();
    }
    return cached.thenApplyAsync(s -> s, EventThreads.pool());
  }

  /** A kind that failed without getting stuck (e.g. the native call threw) is asked again. */
  private boolean failedAndRetryable(CompletableFuture<DeviceSnapshot> f) {
    DeviceSnapshot s = f.getNow(null);
    return s != null
        && ((s.audioProblem() != null && audioStuck == null)
            || (s.videoProblem() != null && videoStuck == null));
  }

  /** Registers {@code listener} for device changes; it runs on jrtc's event pool. */
  public void onChange(Runnable listener) {
    changeListeners.add(listener);
    CompletableFuture<DeviceSnapshot> unused = snapshot(); // starts watching once audio works
  }

  /** Forgets the cache (a device came or went). */
  public synchronized void invalidate() {
    cached = null;
  }

  private CompletableFuture<DeviceSnapshot> enumerate() {
    CompletableFuture<Audio> audio =
        query(
            audioThread,
            true,
            "audio device enumeration",
            () -> new Audio(backend.audioInputs(), backend.audioOutputs(), null));
    CompletableFuture<Video> video =
        query(videoThread, false, "video device enumeration", this::enumerateVideo);
    CompletableFuture<Audio> audioOrProblem =
        audio.exceptionally(e -> new Audio(List.of(), List.of(), problem(e, true)));
    CompletableFuture<Video> videoOrProblem =
        video.exceptionally(e -> new Video(List.of(), Map.of(), problem(e, false)));
    return audioOrProblem.thenCombine(
        videoOrProblem,
        (a, v) -> {
          if (a.problem == null) {
            startWatching();
          } else {
            LOG.warn("No audio devices listed: {}", a.problem);
          }
          if (v.problem != null) {
            LOG.warn("No video devices listed: {}", v.problem);
          }
          return new DeviceSnapshot(a.inputs, a.outputs, v.inputs, v.modes, a.problem, v.problem);
        });
  }

  private Video enumerateVideo() {
    List<NativeDevice> cameras = backend.videoInputs();
    Map<String, List<VideoMode>> modes = new LinkedHashMap<>();
    for (NativeDevice camera : cameras) {
      try {
        modes.put(camera.id(), List.copyOf(backend.videoModes(camera)));
      } catch (RuntimeException | Error e) {
        LOG.warn("Could not read the capture formats of {}: {}", camera.label(), e.toString());
        modes.put(camera.id(), List.of());
      }
    }
    return new Video(new ArrayList<>(cameras), modes, null);
  }

  private synchronized void startWatching() {
    if (watching) {
      return;
    }
    watching = true;
    CompletableFuture<Object> unused =
        query(
            audioThread,
            true,
            "registering the device change listener",
            () -> {
              backend.watch(() -> NativeCallbacks.guard("device change", this::deviceChanged));
              return null;
            });
  }

  private void deviceChanged() {
    invalidate();
    for (Runnable r : changeListeners) {
      EventThreads.pool().execute(() -> NativeCallbacks.guard("devicechange listener", r));
    }
  }

  /**
   * Runs a native query on {@code thread} with the timeout. Fails at once when an earlier query of
   * that thread got stuck.
   */
  private <T> CompletableFuture<T> query(
      ExecutorService thread, boolean audio, String what, Supplier<T> call) {
    String stuck = audio ? audioStuck : videoStuck;
    if (stuck != null) {
      return CompletableFuture.failedFuture(new IllegalStateException(stuck));
    }
    CompletableFuture<T> f = new CompletableFuture<>();
    thread.execute(
        () -> {
          try {
            f.complete(call.get());
          } catch (Throwable t) { // NOPMD: native layers throw java.lang.Error for failures
            f.completeExceptionally(t);
          } finally {
            // Only slow, not stuck (a loaded machine): the thread is free again; ask afresh.
            if (audio ? audioStuck != null : videoStuck != null) {
              LOG.info("{} returned after its timeout; devices will be listed again", what);
              if (audio) {
                audioStuck = null;
              } else {
                videoStuck = null;
              }
              invalidate();
            }
          }
        });
    return f.orTimeout(timeoutMs, TimeUnit.MILLISECONDS)
        .whenComplete(
            (v, e) -> {
              if (e instanceof TimeoutException) {
                String reason =
                    what
                        + " did not return within "
                        + timeoutMs
                        + " ms"
                        + (audio ? " (is a PulseAudio server running?)" : "")
                        + "; not asked again until it returns";
                if (audio) {
                  audioStuck = reason;
                } else {
                  videoStuck = reason;
                }
              }
            });
  }

  private String problem(Throwable e, boolean audio) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof TimeoutException) {
      String stuck = audio ? audioStuck : videoStuck;
      return stuck != null ? stuck : "native device query timed out after " + timeoutMs + " ms";
    }
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  private record Audio(List<NativeDevice> inputs, List<NativeDevice> outputs, String problem) {}

  private record Video(
      List<NativeDevice> inputs, Map<String, List<VideoMode>> modes, String problem) {}
}

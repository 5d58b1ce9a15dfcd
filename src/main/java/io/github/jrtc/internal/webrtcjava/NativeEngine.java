package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import io.github.jrtc.DOMException;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.internal.audio.MicrophoneSource;
import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeObserver;
import io.github.jrtc.internal.jni.NativeAudioGuard;
import io.github.jrtc.internal.spec.Errors;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The implicit engine behind {@code new RTCPeerConnection()}: one webrtc-java factory (and so one
 * signaling, worker and network thread) shared by every connection, created on first use.
 *
 * <p>Its audio device module is always webrtc-java's headless one, whatever {@code jrtc.audio}
 * says: the factory never touches a sound card (no abort without one, no enumeration hang without a
 * sound server), and its recording, which libwebrtc would send into every audio stream, is held
 * stopped by {@link AudioPump}, the only thread that feeds audio into send streams. Microphones and
 * speakers are standalone modules outside the factory ({@link MicrophoneSource}, {@link
 * SpeakerOutput}).
 *
 * <p>Exit: libwebrtc's threads attach to the JVM as non-daemon threads and are never detached, so a
 * program whose {@code main} returns would hang. A daemon watchdog disposes the engine once no user
 * thread is left; a shutdown hook does the same on {@code System.exit}.
 */
public final class NativeEngine {
  private static final Logger LOG = LoggerFactory.getLogger(NativeEngine.class);

  private static NativeEngine shared;

  private final PeerConnectionFactory factory;
  private final AudioDeviceModuleBase audioModule;
  // The module is jrtc's never-recording wrapper (NativeAudioGuard), so AudioPump needs no stops.
  private final boolean recordingRefused;
  private final Set<AutoCloseable> owned = ConcurrentHashMap.newKeySet();
  private volatile boolean disposed;
  // Closed connections are released under the read side; the factory is disposed under the write
  // side: a connection's destructor hops onto the signaling thread, which dispose() deletes.
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final AtomicLong released = new AtomicLong();
  private final AtomicLong leaked = new AtomicLong();

  private NativeEngine() {
    NativeLogBridge.install();
    AudioDeviceModuleBase adm = new HeadlessAudioDeviceModule();
    this.recordingRefused = NativeAudioGuard.install(adm);
    this.audioModule = adm;
    this.factory = new PeerConnectionFactory(adm);
    AudioPump.shared().guard(this);
    LOG.info(
        "jrtc engine started; its audio module {}",
        recordingRefused
            ? "never records (jrtc's native guard)"
            : "is stopped before every push round (fallback: jrtc's native guard is off)");
  }

  /** The shared engine, created (again, after a shutdown) on demand. */
  public static synchronized NativeEngine shared() {
    if (unavailable != null) {
      // Every call gets the same answer (webrtc-java itself would throw NoClassDefFoundError).
      throw new DOMException(unavailable.getMessage(), unavailable.name());
    }
    if (shared == null || shared.disposed) {
      try {
        shared = new NativeEngine();
      } catch (LinkageError | RuntimeException e) {
        DOMException missing = MissingSharedLibrary.describe(e);
        if (missing == null) {
          throw e;
        }
        LOG.error(missing.getMessage());
        unavailable = missing;
        throw missing;
      }
      ExitWatchdog.ensureStarted();
    }
    return shared;
  }

  /** Why webrtc-java's native library cannot load here, once that was found; else null. */
  private static DOMException unavailable; // guarded by NativeEngine.class

  /** The engine if one is running, else null; never creates one. */
  static synchronized NativeEngine current() {
    return shared == null || shared.disposed ? null : shared;
  }

  /** The webrtc-java factory; never use it after {@link #isDisposed()} (SIGSEGV). */
  public PeerConnectionFactory factory() {
    return factory;
  }

  /**
   * The factory's (headless) audio device module. Only {@link AudioPump} may call it, under this
   * engine's monitor.
   */
  public AudioDeviceModuleBase audioModule() {
    return audioModule;
  }

  /**
   * Whether webrtc-java's headless module behind this engine's guard is recording (never, if the
   * guard works); false when the module is not wrapped or the engine is disposed.
   */
  public synchronized boolean wrappedModuleRecording() {
    return recordingRefused()
        && !isDisposed()
        && NativeAudioGuard.wrappedModuleRecording(NativeHandles.of(audioModule));
  }

  /** Whether the factory's module can never record (see {@link NativeAudioGuard}). */
  public boolean recordingRefused() {
    return recordingRefused;
  }

  public boolean isDisposed() {
    return disposed;
  }

  /** Opens a native peer connection whose resources this engine releases at shutdown. */
  public PeerConnectionBridge createPeerConnection(
      RTCConfiguration configuration, PeerConnectionBridgeObserver observer) {
    synchronized (this) {
      if (disposed) {
        throw Errors.invalidState("The jrtc engine has been shut down");
      }
      return new NativePeerConnectionBridge(this, factory, configuration, observer);
    }
  }

  /**
   * Runs a native teardown step ({@code body}) unless the factory is already disposed, and keeps
   * the factory alive until it is done: teardown hops onto the signaling thread, which dispose()
   * deletes. Returns false (and runs nothing) once disposed: the process is exiting, so the native
   * objects are left alone rather than touched on dead threads.
   */
  boolean whileAlive(Runnable body) {
    lifecycle.readLock().lock();
    try {
      if (disposed && !lifecycle.isWriteLockedByCurrentThread()) {
        return false;
      }
      body.run();
      return true;
    } finally {
      lifecycle.readLock().unlock();
    }
  }

  /**
   * Gives back the native peer connection that webrtc-java keeps after close (see {@link
   * NativeRelease}). Called once per connection inside {@link #whileAlive}, after its native close
   * and after every wrapper of it was invalidated.
   */
  void releaseClosedPeerConnection(long handle) {
    if (handle == 0 || !NativeRelease.enabled()) {
      leaked.incrementAndGet();
      return;
    }
    boolean last = NativeRelease.release(handle);
    released.incrementAndGet();
    if (!last) {
      LOG.debug("Released a closed peer connection; libwebrtc still holds a reference to it");
    }
  }

  /** Closed peer connections whose native memory was released / kept (diagnostics, tests). */
  public long releasedPeerConnections() {
    return released.get();
  }

  public long leakedPeerConnections() {
    return leaked.get();
  }

  /** Registers something to close before the factory is disposed. */
  public void own(AutoCloseable resource) {
    owned.add(resource);
  }

  public void disown(AutoCloseable resource) {
    owned.remove(resource);
  }

  /** Closes every connection and disposes the native factory. Idempotent. */
  public static void shutdownShared() {
    NativeEngine engine = current();
    if (engine != null) {
      engine.shutdown();
    }
  }

  synchronized void shutdown() {
    if (disposed) {
      return;
    }
    lifecycle.writeLock().lock();
    try {
      disposed = true;
      SinkDispatcher.shutdownAll();
      AudioPump.shared().release(this);
      // Connections close (and release their native side) while the threads still run.
      for (AutoCloseable resource : owned.toArray(new AutoCloseable[0])) {
        try {
          resource.close();
        } catch (Exception | Error e) {
          LOG.warn("Closing {} at engine shutdown failed", resource, e);
        }
      }
      owned.clear();
      try {
        factory.dispose();
      } catch (RuntimeException | Error e) {
        LOG.warn("Disposing the native engine failed", e);
      }
      try {
        audioModule.dispose();
      } catch (RuntimeException | Error e) {
        LOG.warn("Disposing the audio device module failed", e);
      }
    } finally {
      lifecycle.writeLock().unlock();
    }
    LOG.debug(
        "jrtc engine shut down ({} peer connections released, {} leaked)",
        released.get(),
        leaked.get());
  }
}

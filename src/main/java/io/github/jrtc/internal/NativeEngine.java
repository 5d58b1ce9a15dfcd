package io.github.jrtc.internal;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import io.github.jrtc.RTCConfiguration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The implicit engine behind {@code new RTCPeerConnection()}: one webrtc-java factory (and so one
 * signaling, worker and network thread) shared by every connection, created on first use.
 *
 * <p>Headless-safe: never {@code new PeerConnectionFactory()} (it aborts the JVM when no sound card
 * initialises); a real audio device module is tried on its own thread with a timeout and the
 * headless module is used when it fails. System property {@code jrtc.audio} = {@code auto}
 * (default), {@code native} or {@code headless}.
 *
 * <p>Exit: libwebrtc's threads attach to the JVM as non-daemon threads and are never detached, so a
 * program whose {@code main} returns would hang. A daemon watchdog disposes the engine once no user
 * thread is left; a shutdown hook does the same on {@code System.exit}.
 */
public final class NativeEngine {
  private static final Logger LOG = LoggerFactory.getLogger(NativeEngine.class);
  private static final long AUDIO_INIT_TIMEOUT_MS = 3000;

  private static NativeEngine shared;

  private final PeerConnectionFactory factory;
  private final AudioDeviceModuleBase audioModule;
  private final boolean headlessAudio;
  private final Set<AutoCloseable> owned = ConcurrentHashMap.newKeySet();
  private volatile boolean disposed;
  // Closed connections are released under the read side; the factory is disposed under the write
  // side: a connection's destructor hops onto the signaling thread, which dispose() deletes.
  private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
  private final AtomicLong released = new AtomicLong();
  private final AtomicLong leaked = new AtomicLong();

  private NativeEngine() {
    AudioDeviceModuleBase adm = openAudioModule();
    this.headlessAudio = adm instanceof HeadlessAudioDeviceModule;
    this.audioModule = adm;
    NativeLogBridge.install();
    this.factory = new PeerConnectionFactory(adm);
    LOG.debug("jrtc engine started ({} audio)", headlessAudio ? "headless" : "native");
  }

  /** The shared engine, created (again, after a shutdown) on demand. */
  public static synchronized NativeEngine shared() {
    if (shared == null || shared.disposed) {
      shared = new NativeEngine();
      ExitWatchdog.ensureStarted();
    }
    return shared;
  }

  /** The engine if one is running, else null; never creates one. */
  static synchronized NativeEngine current() {
    return shared == null || shared.disposed ? null : shared;
  }

  public boolean isHeadlessAudio() {
    return headlessAudio;
  }

  /** The webrtc-java factory; never use it after {@link #isDisposed()} (SIGSEGV). */
  public PeerConnectionFactory factory() {
    return factory;
  }

  /** The audio device module the factory was created with. */
  public AudioDeviceModuleBase audioModule() {
    return audioModule;
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
      AudioPump.shared().stopAll();
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

  private static AudioDeviceModuleBase openAudioModule() {
    String mode = System.getProperty("jrtc.audio", "auto").toLowerCase(Locale.ROOT);
    if (!mode.equals("headless")) {
      FutureTask<AudioDeviceModuleBase> task = new FutureTask<>(AudioDeviceModule::new);
      Thread t = new Thread(task, "jrtc-audio-init");
      t.setDaemon(true);
      t.start();
      try {
        return task.get(AUDIO_INIT_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        LOG.info(
            "No audio device could be opened ({}); using headless audio", e.getCause().toString());
      } catch (TimeoutException e) {
        LOG.warn(
            "Audio device initialisation hung for {} ms; using headless audio",
            AUDIO_INIT_TIMEOUT_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (mode.equals("native")) {
        LOG.warn("jrtc.audio=native but no native audio device module could be opened");
      }
    }
    return new HeadlessAudioDeviceModule();
  }
}

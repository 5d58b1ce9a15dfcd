package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import io.github.jrtc.MediaTrackCapabilities;
import io.github.jrtc.MediaTrackConstraints;
import io.github.jrtc.MediaTrackSettings;
import io.github.jrtc.internal.bridge.SourceHooks;
import io.github.jrtc.internal.bridge.TrackSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TrackSource} over a webrtc-java track. Local tracks share a {@link Shared} source between
 * clones; remote tracks belong to their receiver. Every native call checks that neither this track
 * nor the engine is gone: webrtc-java crashes (SIGSEGV) on objects used after the factory's
 * disposal.
 */
final class NativeTrackSource implements TrackSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NativeTrackSource.class);

  private static final AtomicInteger LIVE_SOURCES = new AtomicInteger();
  private static final AtomicInteger LIVE_TRACKS = new AtomicInteger();

  /**
   * A native source and the tracks using it. When the last of them stops, the source's hooks stop
   * capture and a Java-fed native source is disposed: a bot creating sources per call must not keep
   * them until the engine shuts down.
   */
  static final class Shared {
    final Object nativeSource; // VideoTrackSource or AudioTrackSource, or null for remote
    final SourceHooks hooks;
    private final NativeEngine engine;
    private int users; // guarded by this
    private boolean released; // guarded by this

    Shared(Object nativeSource, SourceHooks hooks) {
      this(null, nativeSource, hooks);
    }

    Shared(NativeEngine engine, Object nativeSource, SourceHooks hooks) {
      this.engine = engine;
      this.nativeSource = nativeSource;
      this.hooks = hooks;
      if (nativeSource != null) {
        LIVE_SOURCES.incrementAndGet();
      }
    }

    /** One more track on this source; false once the source was released (it is gone). */
    synchronized boolean acquire() {
      if (released) {
        return false;
      }
      users++;
      return true;
    }

    synchronized boolean isReleased() {
      return released;
    }

    void releaseOne() {
      synchronized (this) {
        if (released || --users > 0) {
          return;
        }
        released = true;
      }
      try {
        hooks.release();
      } catch (RuntimeException | Error e) {
        LOG.warn("Releasing a track source failed", e);
      }
      if (nativeSource != null) {
        LIVE_SOURCES.decrementAndGet();
        disposeNativeSource();
      }
    }

    /**
     * The hooks have stopped feeding it (no push in flight): give back jrtc's reference. Tracks and
     * senders that still use it hold their own references in libwebrtc.
     */
    private void disposeNativeSource() {
      if (engine == null) {
        return;
      }
      engine.whileAlive(
          () -> {
            try {
              if (nativeSource instanceof CustomAudioSource a) {
                a.dispose();
              } else if (nativeSource instanceof CustomVideoSource v) {
                v.dispose();
              }
            } catch (RuntimeException | Error e) {
              LOG.debug("Disposing a native source failed", e);
            }
          });
    }
  }

  /** Local native sources not yet released (diagnostics, tests). */
  static int liveSources() {
    return LIVE_SOURCES.get();
  }

  /** Local native tracks whose handle jrtc still holds (diagnostics, tests). */
  static int liveTracks() {
    return LIVE_TRACKS.get();
  }

  private final NativeEngine engine;
  private final String kind;
  private final String label;
  private final String id;
  private final Shared shared;
  private final boolean remote;
  private MediaStreamTrack track; // guarded by this
  private boolean stopped; // guarded by this

  NativeTrackSource(
      NativeEngine engine,
      MediaStreamTrack track,
      String kind,
      String label,
      Shared shared,
      boolean remote) {
    this.engine = engine;
    this.track = track;
    this.kind = kind;
    // Null once the engine shut down (close() dropped it): a clone made then gets an id of its own.
    this.id = track != null ? track.getId() : java.util.UUID.randomUUID().toString();
    this.label = label;
    this.shared = shared;
    this.remote = remote;
    if (!shared.acquire()) {
      // The source is gone (its last track stopped meanwhile): this track is born ended.
      this.stopped = true;
      disposeTrack(track);
      this.track = null;
      return;
    }
    if (!remote && track != null) {
      LIVE_TRACKS.incrementAndGet();
    }
    engine.own(this);
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public synchronized MediaStreamTrack nativeTrack() {
    return engine.isDisposed() ? null : track;
  }

  @Override
  public synchronized void setEnabled(boolean enabled) {
    MediaStreamTrack t = nativeTrack();
    if (t == null) {
      return;
    }
    try {
      // Muting changes whether libwebrtc records at all (AudioState::OnMuteStreamChanged).
      AudioPump.notWhilePushing(() -> t.setEnabled(enabled));
    } catch (RuntimeException | Error e) {
      LOG.debug("setEnabled on a native track failed", e);
    }
  }

  @Override
  public synchronized TrackSource cloneSource() {
    if (remote || shared.nativeSource == null || engine.isDisposed() || shared.isReleased()) {
      // A remote track's clone shares the receiver's native track: ending it only ends the clone.
      return new NativeTrackSource(engine, track, kind, label, shared, true);
    }
    return NativeMedia.createNative(engine, kind, shared, label);
  }

  @Override
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      if (!remote) {
        setEnabled(false);
      }
    }
    if (!remote) {
      releaseNativeTrack();
    } else {
      // The receiver owns the native track; the engine need not close this one at shutdown (it
      // kept every remote track of every call otherwise).
      engine.disown(this);
    }
    shared.releaseOne();
  }

  /**
   * An ended local track is never fed again: its sinks come off and jrtc's reference goes. A sender
   * that still shows it keeps libwebrtc's own reference; jrtc then sees no native track (null).
   */
  private void releaseNativeTrack() {
    SinkDispatcher.detachSource(this);
    MediaStreamTrack t;
    synchronized (this) {
      t = track;
      track = null;
    }
    if (t != null) {
      LIVE_TRACKS.decrementAndGet();
      // Under whileAlive the factory cannot be disposed meanwhile (at shutdown: its own thread).
      engine.whileAlive(() -> disposeTrack(t));
    }
    engine.disown(this);
  }

  private static void disposeTrack(MediaStreamTrack t) {
    if (t == null) {
      return;
    }
    try {
      t.dispose();
    } catch (RuntimeException | Error e) {
      // webrtc-java throws when libwebrtc still holds the track (a sender): jrtc's reference is
      // gone all the same.
      LOG.trace("Native track still used by libwebrtc after release", e);
    }
  }

  @Override
  public boolean isRemote() {
    return remote;
  }

  @Override
  public MediaTrackSettings settings() {
    return shared.hooks.settings();
  }

  @Override
  public MediaTrackCapabilities capabilities() {
    return shared.hooks.capabilities();
  }

  @Override
  public CompletableFuture<Void> applyConstraints(MediaTrackConstraints constraints) {
    return shared.hooks.applyConstraints(constraints);
  }

  /** Engine shutdown: release the source and the Java-side native track handle. */
  @Override
  public void close() {
    stop();
    synchronized (this) {
      MediaStreamTrack t = track;
      track = null;
      if (t != null && !remote) {
        LIVE_TRACKS.decrementAndGet();
        disposeTrack(t);
      }
    }
  }

  static boolean isVideoSource(Object source) {
    return source instanceof VideoTrackSource;
  }

  static boolean isAudioSource(Object source) {
    return source instanceof AudioTrackSource;
  }
}

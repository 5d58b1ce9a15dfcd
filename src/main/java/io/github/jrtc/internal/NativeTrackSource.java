package io.github.jrtc.internal;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import io.github.jrtc.MediaTrackCapabilities;
import io.github.jrtc.MediaTrackConstraints;
import io.github.jrtc.MediaTrackSettings;
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

  /** A native source and the tracks using it. */
  static final class Shared {
    final Object nativeSource; // VideoTrackSource or AudioTrackSource, or null for remote
    final SourceHooks hooks;
    final AtomicInteger users = new AtomicInteger();

    Shared(Object nativeSource, SourceHooks hooks) {
      this.nativeSource = nativeSource;
      this.hooks = hooks;
    }

    void releaseOne() {
      if (users.decrementAndGet() == 0) {
        try {
          hooks.release();
        } catch (RuntimeException | Error e) {
          LOG.warn("Releasing a track source failed", e);
        }
      }
    }
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
    shared.users.incrementAndGet();
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
      t.setEnabled(enabled);
    } catch (RuntimeException | Error e) {
      LOG.debug("setEnabled on a native track failed", e);
    }
  }

  @Override
  public synchronized TrackSource cloneSource() {
    if (remote || shared.nativeSource == null || engine.isDisposed()) {
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
    shared.releaseOne();
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
        try {
          t.dispose();
        } catch (RuntimeException | Error e) {
          LOG.debug("Disposing a native track failed", e);
        }
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

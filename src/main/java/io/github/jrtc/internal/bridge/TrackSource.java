package io.github.jrtc.internal.bridge;

import io.github.jrtc.MediaTrackCapabilities;
import io.github.jrtc.MediaTrackConstraints;
import io.github.jrtc.MediaTrackSettings;
import java.util.concurrent.CompletableFuture;

/**
 * The native side of one {@code MediaStreamTrack}: a webrtc-java track plus the source it draws
 * from. Several tracks (clones) may share one source; the source is released when the last of them
 * stops. Implementations never touch native objects once the engine has shut down.
 */
public interface TrackSource {
  /** "audio" or "video". */
  String kind();

  /** The track id (libwebrtc's track id: for a remote track, the id the remote peer signalled). */
  String id();

  /** The label the source gives its tracks (a device name, "screen", or the caller's label). */
  String label();

  /**
   * The webrtc-java track (a {@code dev.onvoid.webrtc.media.MediaStreamTrack}), or null once gone.
   */
  dev.onvoid.webrtc.media.MediaStreamTrack nativeTrack();

  void setEnabled(boolean enabled);

  /** A new native track on the same source. */
  TrackSource cloneSource();

  /** The track ended: stop feeding it and let go of the source if no other track uses it. */
  void stop();

  /** A remote track is owned by its receiver: stopping it never releases native objects. */
  boolean isRemote();

  MediaTrackSettings settings();

  MediaTrackCapabilities capabilities();

  /**
   * Applies constraints to the source. The default accepts any constraints without changing the
   * source (what sources without adjustable settings do); capture sources override it.
   */
  default CompletableFuture<Void> applyConstraints(MediaTrackConstraints constraints) {
    return CompletableFuture.completedFuture(null);
  }
}

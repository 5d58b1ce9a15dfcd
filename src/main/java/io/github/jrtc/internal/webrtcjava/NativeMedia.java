package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import io.github.jrtc.internal.bridge.SourceHooks;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.spec.Errors;
import java.util.UUID;

/**
 * The one place where native sources get native tracks, as the {@link TrackSource} a public {@code
 * MediaStreamTrack} is made around (by the public code that asked for it: internal code never sees
 * a public track). Capture code (camera, screen, microphone, Java frame sources) creates its
 * webrtc-java source, then calls {@link #videoTrack(VideoTrackSource, String, SourceHooks)} or
 * {@link #audioTrack(AudioTrackSource, String, SourceHooks)}; the hooks report
 * settings/capabilities, apply constraints and stop capture when the last track (clones included)
 * on the source has stopped.
 */
public final class NativeMedia {
  private NativeMedia() {}

  public static TrackSource videoTrack(VideoTrackSource source, String label) {
    return videoTrack(source, label, SourceHooks.NONE);
  }

  public static TrackSource videoTrack(VideoTrackSource source, String label, SourceHooks hooks) {
    NativeEngine engine = NativeEngine.shared();
    return createNative(
        engine, "video", new NativeTrackSource.Shared(engine, source, hooks), label);
  }

  public static TrackSource audioTrack(AudioTrackSource source, String label) {
    return audioTrack(source, label, SourceHooks.NONE);
  }

  public static TrackSource audioTrack(AudioTrackSource source, String label, SourceHooks hooks) {
    NativeEngine engine = NativeEngine.shared();
    return createNative(
        engine, "audio", new NativeTrackSource.Shared(engine, source, hooks), label);
  }

  /** A receiver's track: owned by the receiver, never disposed by jrtc. */
  static TrackSource remote(NativeEngine engine, dev.onvoid.webrtc.media.MediaStreamTrack track) {
    String kind = track.getKind();
    return new NativeTrackSource(
        engine,
        track,
        kind,
        "remote " + kind,
        new NativeTrackSource.Shared(null, SourceHooks.NONE),
        true);
  }

  static TrackSource createNative(
      NativeEngine engine, String kind, NativeTrackSource.Shared shared, String label) {
    synchronized (engine) {
      if (engine.isDisposed()) {
        throw Errors.invalidState("The jrtc engine has been shut down");
      }
      // libwebrtc uses the label as the track id: make it unique, as browsers' ids are.
      String nativeId = UUID.randomUUID().toString();
      dev.onvoid.webrtc.media.MediaStreamTrack track =
          kind.equals("video")
              ? engine.factory().createVideoTrack(nativeId, (VideoTrackSource) shared.nativeSource)
              : engine.factory().createAudioTrack(nativeId, (AudioTrackSource) shared.nativeSource);
      return new NativeTrackSource(engine, track, kind, label == null ? "" : label, shared, false);
    }
  }

  /** Local native sources that some live track still uses (diagnostics, tests). */
  public static int liveLocalSources() {
    return NativeTrackSource.liveSources();
  }

  /** Local native tracks jrtc still holds: live ones (diagnostics, tests). */
  public static int liveLocalTracks() {
    return NativeTrackSource.liveTracks();
  }

  static boolean isVideo(dev.onvoid.webrtc.media.MediaStreamTrack t) {
    return t instanceof VideoTrack;
  }

  static boolean isAudio(dev.onvoid.webrtc.media.MediaStreamTrack t) {
    return t instanceof AudioTrack;
  }
}

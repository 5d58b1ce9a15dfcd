package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioOptions;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import io.github.jrtc.internal.spec.Errors;
import java.util.UUID;

/**
 * Throwaway native tracks for {@code addTransceiver(kind)}: webrtc-java's addTransceiver needs a
 * track, so one is created on a per-engine silent source, and detached right after.
 */
final class Placeholders {
  private static NativeEngine forEngine; // guarded by Placeholders.class
  private static AudioTrackSource audio; // guarded by Placeholders.class
  private static CustomVideoSource video; // guarded by Placeholders.class

  private Placeholders() {}

  static synchronized MediaStreamTrack track(NativeEngine engine, String kind) {
    synchronized (engine) {
      if (engine.isDisposed()) {
        throw Errors.invalidState("The jrtc engine has been shut down");
      }
      if (forEngine != engine) {
        forEngine = engine;
        audio = null;
        video = null;
      }
      String id = UUID.randomUUID().toString();
      if (kind.equals("audio")) {
        if (audio == null) {
          audio = engine.factory().createAudioSource(new AudioOptions());
        }
        return engine.factory().createAudioTrack(id, audio);
      }
      if (video == null) {
        video = new CustomVideoSource();
      }
      return engine.factory().createVideoTrack(id, video);
    }
  }

  static void dispose(MediaStreamTrack track) {
    try {
      track.dispose();
    } catch (RuntimeException | Error e) {
      // Only the Java-side reference is dropped; libwebrtc no longer uses the track.
    }
  }
}

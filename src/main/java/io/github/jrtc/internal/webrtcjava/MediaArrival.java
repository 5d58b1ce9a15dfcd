package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.jni.NativeCallbacks;
import io.github.jrtc.internal.loop.EventThreads;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells when media first arrives on a remote track, to unmute it as the spec says (a receiver's
 * track starts muted). libwebrtc reports no such event, so a temporary native sink watches for the
 * first decoded video frame or the first non-silent audio (the audio sink fires with decoder
 * silence before any packet arrived). The sink is removed from another thread: removing a sink
 * inside its own callback deadlocks libwebrtc's broadcaster.
 */
public final class MediaArrival {
  private MediaArrival() {}

  /**
   * Native sink calls hold the source's monitor, as its close() does when it drops the track: a
   * connection closing on another thread (which closes its remote tracks' sources before it
   * releases the native connection) then never frees a track under an addSink or removeSink (a
   * SIGSEGV in AudioTrack.addSinkInternal, found by SdpFuzzIT).
   */
  public static void watch(TrackSource source, Runnable onFirstMedia) {
    synchronized (source) {
      watchLocked(source, onFirstMedia);
    }
  }

  private static void watchLocked(TrackSource source, Runnable onFirstMedia) {
    dev.onvoid.webrtc.media.MediaStreamTrack t = source.nativeTrack();
    AtomicBoolean fired = new AtomicBoolean();
    if (t instanceof VideoTrack video) {
      VideoTrackSink[] sink = new VideoTrackSink[1];
      sink[0] =
          frame ->
              NativeCallbacks.guard(
                  "MediaArrival.video",
                  () -> {
                    frame.release();
                    if (fired.compareAndSet(false, true)) {
                      onFirstMedia.run();
                      EventThreads.pool().execute(() -> remove(source, video, sink[0]));
                    }
                  });
      video.addSink(sink[0]);
    } else if (t instanceof AudioTrack audio) {
      AudioTrackSink[] sink = new AudioTrackSink[1];
      sink[0] =
          (data, bits, rate, channels, frames) ->
              NativeCallbacks.guard(
                  "MediaArrival.audio",
                  () -> {
                    if (!fired.get() && hasSignal(data) && fired.compareAndSet(false, true)) {
                      onFirstMedia.run();
                      EventThreads.pool().execute(() -> remove(source, audio, sink[0]));
                    }
                  });
      audio.addSink(sink[0]);
    }
  }

  private static boolean hasSignal(byte[] data) {
    for (byte b : data) {
      if (b != 0) {
        return true;
      }
    }
    return false;
  }

  private static void remove(TrackSource source, VideoTrack video, VideoTrackSink sink) {
    synchronized (source) {
      if (source.nativeTrack() != null) {
        video.removeSink(sink);
      }
    }
  }

  private static void remove(TrackSource source, AudioTrack audio, AudioTrackSink sink) {
    synchronized (source) {
      if (source.nativeTrack() != null) {
        audio.removeSink(sink);
      }
    }
  }
}

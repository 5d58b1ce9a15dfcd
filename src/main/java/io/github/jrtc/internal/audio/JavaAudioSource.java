package io.github.jrtc.internal.audio;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import io.github.jrtc.MediaTrackSettings;
import io.github.jrtc.internal.bridge.SourceHooks;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.AudioPump;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import io.github.jrtc.internal.webrtcjava.NativeMedia;

/** The native half of {@code io.github.jrtc.media.AudioSampleSource}; see {@link AudioPump}. */
public final class JavaAudioSource implements AutoCloseable {
  private final AudioPump.Feed feed;
  private final TrackSource track;
  private volatile boolean inputClosed;

  public JavaAudioSource(int sampleRate, int channels, String label) {
    if (sampleRate % 100 != 0 || sampleRate < 8000 || sampleRate > 48000) {
      throw new IllegalArgumentException("sampleRate must be 8000..48000 and a multiple of 100");
    }
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("channels must be 1 or 2");
    }
    NativeEngine engine = NativeEngine.shared();
    CustomAudioSource source;
    synchronized (engine) {
      if (engine.isDisposed()) {
        throw Errors.invalidState("The jrtc engine has been shut down");
      }
      source = new CustomAudioSource();
    }
    this.feed = AudioPump.shared().register(engine, source, sampleRate, channels, false);
    this.track =
        NativeMedia.audioTrack(
            source,
            label,
            new SourceHooks() {
              @Override
              public MediaTrackSettings settings() {
                return MediaTrackSettings.audio(null, sampleRate, channels);
              }

              @Override
              public void release() {
                // The last track stopped: the feed ends before its native source is disposed.
                inputClosed = true;
                AudioPump.shared().unregister(feed);
              }
            });
  }

  /** The native side of the public track this source feeds, which the public class wraps. */
  public TrackSource trackSource() {
    return track;
  }

  public void push(short[] samples, int offset, int length) {
    if (!inputClosed && !feed.closed) {
      feed.ring.write(samples, offset, length);
    }
  }

  public int bufferedSamples() {
    return feed.ring.size();
  }

  public long droppedSamples() {
    return feed.ring.droppedSamples();
  }

  public long silentSamples() {
    return feed.ring.silentSamples();
  }

  /**
   * No more input: the track stays live and sends silence until it is stopped; its native source is
   * disposed when the last track on it stops.
   */
  @Override
  public void close() {
    inputClosed = true;
  }
}

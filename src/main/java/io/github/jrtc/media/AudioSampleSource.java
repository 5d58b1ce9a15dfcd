package io.github.jrtc.media;

import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.internal.audio.JavaAudioSource;
import io.github.jrtc.internal.bridge.TrackAccess;

/**
 * An audio track fed from Java with 16-bit PCM. Push any amount at any time from any thread; jrtc's
 * audio thread forwards 10 ms every 10 ms (silence when nothing is buffered; at most one second is
 * buffered, older samples are dropped). Microphone tracks from getUserMedia are fed the same way,
 * so a microphone and any number of these can be live at once, each on its own track.
 */
public final class AudioSampleSource implements AutoCloseable {
  private final JavaAudioSource impl;
  private final MediaStreamTrack track;

  /** 48 kHz mono. */
  public AudioSampleSource() {
    this(48000, 1);
  }

  /**
   * A source with the label "jrtc audio".
   *
   * @param sampleRate samples per second per channel
   * @param channels 1 (mono) or more (interleaved)
   */
  public AudioSampleSource(int sampleRate, int channels) {
    this(sampleRate, channels, "jrtc audio");
  }

  /**
   * A source with a label of its own.
   *
   * @param sampleRate samples per second per channel
   * @param channels 1 (mono) or more (interleaved)
   * @param label the track's label
   */
  public AudioSampleSource(int sampleRate, int channels, String label) {
    this.impl = new JavaAudioSource(sampleRate, channels, label);
    this.track = TrackAccess.create(MediaStreamTrack.class, impl.trackSource());
  }

  /**
   * The track this source feeds.
   *
   * @return the track
   */
  public MediaStreamTrack track() {
    return track;
  }

  /**
   * Queues interleaved samples.
   *
   * @param samples 16-bit interleaved samples
   */
  public void pushSamples(short[] samples) {
    impl.push(samples, 0, samples.length);
  }

  /**
   * Queues {@code length} interleaved samples from {@code offset}.
   *
   * @param samples 16-bit samples
   * @param offset the first sample
   * @param length how many samples
   */
  public void pushSamples(short[] samples, int offset, int length) {
    impl.push(samples, offset, length);
  }

  /**
   * Samples waiting to be sent.
   *
   * @return the number of samples
   */
  public int bufferedSamples() {
    return impl.bufferedSamples();
  }

  /**
   * Samples dropped because more than a second was buffered.
   *
   * @return the number of samples
   */
  public long droppedSamples() {
    return impl.droppedSamples();
  }

  /**
   * Silence sent because nothing was buffered.
   *
   * @return the number of samples
   */
  public long silentSamples() {
    return impl.silentSamples();
  }

  /** Stops sending; the track stays live until stopped. Idempotent. */
  @Override
  public void close() {
    impl.close();
  }
}

package io.github.jrtc.media;

import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.internal.audio.JavaAudioSource;

/**
 * An audio track fed from Java with 16-bit PCM. Push any amount at any time from any thread; jrtc's
 * audio thread forwards 10 ms every 10 ms (silence when nothing is buffered; at most one second is
 * buffered, older samples are dropped). Microphone tracks from getUserMedia are fed the same way,
 * so a microphone and any number of these can be live at once, each on its own track.
 */
public final class AudioSampleSource implements AutoCloseable {
  private final JavaAudioSource impl;

  /** 48 kHz mono. */
  public AudioSampleSource() {
    this(48000, 1);
  }

  public AudioSampleSource(int sampleRate, int channels) {
    this(sampleRate, channels, "jrtc audio");
  }

  public AudioSampleSource(int sampleRate, int channels, String label) {
    this.impl = new JavaAudioSource(sampleRate, channels, label);
  }

  public MediaStreamTrack track() {
    return impl.track();
  }

  /** Queues interleaved samples. */
  public void pushSamples(short[] samples) {
    impl.push(samples, 0, samples.length);
  }

  public void pushSamples(short[] samples, int offset, int length) {
    impl.push(samples, offset, length);
  }

  /** Samples waiting to be sent. */
  public int bufferedSamples() {
    return impl.bufferedSamples();
  }

  /** Samples dropped because more than a second was buffered. */
  public long droppedSamples() {
    return impl.droppedSamples();
  }

  /** Silence sent because nothing was buffered. */
  public long silentSamples() {
    return impl.silentSamples();
  }

  /** Stops sending; the track stays live until stopped. Idempotent. */
  @Override
  public void close() {
    impl.close();
  }
}

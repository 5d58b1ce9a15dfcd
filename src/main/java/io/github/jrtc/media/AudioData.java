package io.github.jrtc.media;

/**
 * A chunk of 16-bit PCM (interleaved when {@code channels > 1}); the array belongs to the sink.
 *
 * @param frames samples per channel
 */
public record AudioData(
    short[] samples, int sampleRate, int channels, int frames, long timestampNanos) {

  /**
   * Root mean square level, 0 (silence) to 1 (full scale).
   *
   * @return the RMS level, 0 to 1
   */
  public double rms() {
    return AudioLevels.rms(samples, 0, frames * channels);
  }
}

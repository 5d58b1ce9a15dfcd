package io.github.jrtc.media;

/** Signal level helpers for 16-bit PCM. */
public final class AudioLevels {
  private AudioLevels() {}

  /**
   * Root mean square of the samples relative to full scale: 0 is silence, 1 full scale.
   *
   * @param samples 16-bit samples
   * @return the RMS level, 0 to 1
   */
  public static double rms(short[] samples) {
    return rms(samples, 0, samples.length);
  }

  /**
   * The RMS level of {@code length} samples from {@code offset}, 0 to 1 (full scale).
   *
   * @param samples 16-bit samples
   * @param offset the first sample
   * @param length how many samples
   * @return the RMS level
   */
  public static double rms(short[] samples, int offset, int length) {
    if (length <= 0) {
      return 0;
    }
    double sum = 0;
    for (int i = offset; i < offset + length; i++) {
      double s = samples[i] / 32768.0;
      sum += s * s;
    }
    return Math.sqrt(sum / length);
  }

  /**
   * The RMS level in dBFS (negative infinity for digital silence).
   *
   * @param samples 16-bit samples
   * @return the level in dBFS (0 at full scale)
   */
  public static double dbfs(short[] samples) {
    return 20 * Math.log10(rms(samples));
  }
}

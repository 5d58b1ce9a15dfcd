package io.github.jrtc.media;

/** Signal level helpers for 16-bit PCM. */
public final class AudioLevels {
  private AudioLevels() {}

  /** Root mean square of the samples relative to full scale: 0 is silence, 1 full scale. */
  public static double rms(short[] samples) {
    return rms(samples, 0, samples.length);
  }

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

  /** The RMS level in dBFS (negative infinity for digital silence). */
  public static double dbfs(short[] samples) {
    return 20 * Math.log10(rms(samples));
  }
}

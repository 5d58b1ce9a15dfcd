package io.github.jrtc;

import java.util.SplittableRandom;

/**
 * A seeded speech-like signal at 48 kHz: voiced "syllables" (a harmonic series on a wandering pitch
 * with a falling spectrum, plus some breath noise) of 120-350 ms under a raised-cosine envelope,
 * separated by 60-250 ms pauses. Not speech, but what an echo canceller needs to be tested with:
 * broadband, non-stationary, with silences (a steady tone is what cancellers and suppressors handle
 * specially).
 */
final class SpeechLike {
  private static final int RATE = 48000;
  private final SplittableRandom random;
  private final double basePitch;
  private final double amplitude;
  private double phase;
  private double pitch;
  private int segmentLeft;
  private int segmentLength;
  private boolean voiced;

  SpeechLike(long seed, double basePitchHz, double amplitude) {
    this.random = new SplittableRandom(seed);
    this.basePitch = basePitchHz;
    this.amplitude = amplitude;
    this.pitch = basePitchHz;
  }

  /** The next {@code n} samples. */
  short[] next(int n) {
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      if (segmentLeft == 0) {
        voiced = !voiced;
        segmentLength =
            voiced
                ? RATE * (120 + random.nextInt(230)) / 1000
                : RATE * (60 + random.nextInt(190)) / 1000;
        segmentLeft = segmentLength;
        pitch = basePitch * (0.8 + 0.4 * random.nextDouble());
      }
      double v = 0;
      if (voiced) {
        double t = 1.0 - (double) segmentLeft / segmentLength;
        double envelope = 0.5 - 0.5 * Math.cos(2 * Math.PI * t);
        pitch += (random.nextDouble() - 0.5) * 0.05; // slow wander
        phase += 2 * Math.PI * pitch / RATE;
        double s = 0;
        for (int k = 1; k * pitch < 4000; k++) {
          s += Math.sin(k * phase) / k;
        }
        s = 0.6 * s + 0.15 * (random.nextDouble() * 2 - 1);
        v = envelope * s;
      }
      segmentLeft--;
      out[i] = (short) Math.max(-32768, Math.min(32767, amplitude * 32767 * v * 0.5));
    }
    return out;
  }
}

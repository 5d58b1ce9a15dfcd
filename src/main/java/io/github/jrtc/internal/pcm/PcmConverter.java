package io.github.jrtc.internal.pcm;

/**
 * Converts a stream of 16-bit PCM chunks from whatever a sound device delivers to a fixed rate and
 * channel count: channels are averaged to mono, resampled by linear interpolation (enough for a
 * voice path; the state carries over between chunks, so chunk edges do not click) and copied to
 * every output channel. Not thread-safe: one converter per stream.
 */
public final class PcmConverter {
  private final int outRate;
  private final int outChannels;
  private int inRate; // the rate the state below is for
  private double pos; // next output position, in input samples from the current chunk's start
  private short prev; // the previous chunk's last mono sample (position -1)
  private short[] mono = new short[0];
  private short[] out = new short[0];

  public PcmConverter(int outRate, int outChannels) {
    this.outRate = outRate;
    this.outChannels = outChannels;
  }

  /**
   * Converts {@code frames} frames of interleaved little-endian bytes; returns how many output
   * samples (all channels) are in {@link #output()}.
   */
  public int convert(byte[] data, int frames, int channels, int rate) {
    if (frames <= 0 || channels <= 0 || rate <= 0) {
      return 0;
    }
    frames = Math.min(frames, data.length / (2 * channels));
    if (mono.length < frames) {
      mono = new short[frames];
    }
    for (int f = 0; f < frames; f++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        int i = 2 * (f * channels + c);
        sum += (short) ((data[i] & 0xff) | (data[i + 1] << 8));
      }
      mono[f] = (short) (sum / channels);
    }
    return resample(frames, rate);
  }

  /** Same for samples already in shorts (interleaved). */
  public int convert(short[] data, int frames, int channels, int rate) {
    if (frames <= 0 || channels <= 0 || rate <= 0) {
      return 0;
    }
    frames = Math.min(frames, data.length / channels);
    if (mono.length < frames) {
      mono = new short[frames];
    }
    for (int f = 0; f < frames; f++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += data[f * channels + c];
      }
      mono[f] = (short) (sum / channels);
    }
    return resample(frames, rate);
  }

  /** The last conversion's samples (valid up to the count it returned). */
  public short[] output() {
    return out;
  }

  private int resample(int n, int rate) {
    if (rate != inRate) {
      inRate = rate;
      pos = 0;
      prev = mono[0];
    }
    int maxOut = (int) ((long) n * outRate / rate + 2) * outChannels;
    if (out.length < maxOut) {
      out = new short[maxOut];
    }
    int k = 0;
    if (rate == outRate) {
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < outChannels; c++) {
          out[k++] = mono[i];
        }
      }
      return k;
    }
    double step = (double) rate / outRate;
    while (pos < n - 1) {
      int idx = (int) Math.floor(pos);
      double frac = pos - idx;
      int s0 = idx < 0 ? prev : mono[idx];
      int s1 = mono[idx + 1];
      short s = (short) Math.round(s0 + (s1 - s0) * frac);
      for (int c = 0; c < outChannels; c++) {
        out[k++] = s;
      }
      pos += step;
    }
    pos -= n;
    prev = mono[n - 1];
    return k;
  }
}

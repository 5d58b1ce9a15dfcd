package io.github.jrtc.internal.audio;

import io.github.jrtc.internal.pcm.PcmRing;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What jrtc's speakers play, for echo cancellation: each {@link SpeakerOutput} copies every 10 ms
 * it hands its device (48 kHz mono, before conversion to the device's format) into its own tap;
 * once per audio-pump round the taps are read and summed into one far-end chunk, the reverse stream
 * every microphone's {@link CaptureProcessing} is given. The round number makes the mix happen once
 * per round however many microphones ask.
 */
final class FarEndAudio {
  static final int RATE = 48000;
  static final int CHUNK = RATE / 100;
  // A tap is drained every 10 ms; more than this waiting means the pump stalled: drop the backlog
  // rather than keep it as delay the canceller would have to search.
  private static final int MAX_BACKLOG = 10 * CHUNK;
  private static final FarEndAudio SHARED = new FarEndAudio();

  private final CopyOnWriteArrayList<Tap> taps = new CopyOnWriteArrayList<>();
  private final short[] mix = new short[CHUNK];
  private final int[] sum = new int[CHUNK];
  private final short[] read = new short[CHUNK];
  private long mixedRound = -1; // guarded by this

  static FarEndAudio shared() {
    return SHARED;
  }

  /** One speaker's copy of what it played. */
  static final class Tap {
    private final PcmRing ring = new PcmRing(RATE / 2);

    /** The speaker's play thread: 48 kHz mono samples just handed to the device. */
    void played(short[] samples, int count) {
      ring.write(samples, 0, count);
      if (ring.size() > MAX_BACKLOG) {
        ring.trimTo(2 * CHUNK);
      }
    }
  }

  Tap open() {
    Tap t = new Tap();
    taps.add(t);
    return t;
  }

  void close(Tap t) {
    taps.remove(t);
  }

  /**
   * The far end's 10 ms for pump round {@code round}: the sum of every tap's next 10 ms (a tap with
   * less than 10 ms waiting adds silence and keeps what it has), clipped to 16 bits. The returned
   * array is shared and valid until the next round; the audio pump thread only.
   */
  synchronized short[] chunkFor(long round) {
    if (round == mixedRound) {
      return mix;
    }
    mixedRound = round;
    java.util.Arrays.fill(sum, 0);
    for (Tap t : taps) {
      if (t.ring.size() < CHUNK) {
        continue;
      }
      t.ring.read(read);
      for (int i = 0; i < CHUNK; i++) {
        sum[i] += read[i];
      }
    }
    for (int i = 0; i < CHUNK; i++) {
      mix[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
    }
    return mix;
  }
}

package io.github.jrtc.internal.audio;

import io.github.jrtc.internal.pcm.PcmRing;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What jrtc's speakers play, for echo cancellation. Each {@link SpeakerOutput} has a {@link Tap}
 * and copies every 10 ms it hands its device (48 kHz mono, before conversion to the device's
 * format) into it, on its play thread; each microphone's {@link CaptureProcessing} has a {@link
 * Reader} with one ring per speaker and, on its capture thread, takes the sum of the speakers' next
 * 10 ms as the reverse stream. Both sides run on device clocks, so the reference neither piles up
 * nor runs dry while both play; a backlog past {@link #MAX_BACKLOG} (a reader that stopped) is
 * dropped.
 */
final class FarEndAudio {
  static final int RATE = 48000;
  static final int CHUNK = RATE / 100;
  private static final int MAX_BACKLOG = 30 * CHUNK;
  private static final FarEndAudio SHARED = new FarEndAudio();

  private final CopyOnWriteArrayList<Tap> taps = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<Reader> readers = new CopyOnWriteArrayList<>();

  static FarEndAudio shared() {
    return SHARED;
  }

  /** One speaker's output into every reader. */
  final class Tap {
    /** The speaker's play thread: 48 kHz mono samples just handed to the device. */
    void played(short[] samples, int count) {
      for (Reader r : readers) {
        PcmRing ring = r.rings.computeIfAbsent(this, t -> new PcmRing(RATE));
        ring.write(samples, 0, count);
        if (ring.size() > MAX_BACKLOG) {
          ring.trimTo(4 * CHUNK);
        }
      }
    }
  }

  /** One microphone's view of what the speakers played. */
  static final class Reader {
    private final Map<Tap, PcmRing> rings = new ConcurrentHashMap<>();
    private final int[] sum = new int[CHUNK];
    private final short[] read = new short[CHUNK];

    /**
     * Fills {@code out} (10 ms) with the sum of every speaker's next 10 ms, clipped to 16 bits; a
     * speaker with less than 10 ms waiting adds silence and keeps what it has.
     */
    void next(short[] out) {
      java.util.Arrays.fill(sum, 0);
      for (PcmRing ring : rings.values()) {
        if (ring.size() < CHUNK) {
          continue;
        }
        ring.read(read);
        for (int i = 0; i < CHUNK; i++) {
          sum[i] += read[i];
        }
      }
      for (int i = 0; i < CHUNK; i++) {
        out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum[i]));
      }
    }
  }

  Tap openTap() {
    Tap t = new Tap();
    taps.add(t);
    return t;
  }

  void closeTap(Tap t) {
    taps.remove(t);
    for (Reader r : readers) {
      r.rings.remove(t);
    }
  }

  Reader openReader() {
    Reader r = new Reader();
    readers.add(r);
    return r;
  }

  void closeReader(Reader r) {
    readers.remove(r);
  }
}

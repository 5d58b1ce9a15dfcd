package io.github.jrtc.internal.audio;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What jrtc's speakers play, for echo cancellation. Each {@link SpeakerOutput} has a {@link Tap}
 * and copies every 10 ms it hands its device (48 kHz mono, before conversion to the device's
 * format) into it, on its play thread; each microphone's {@link CaptureProcessing} has a {@link
 * Reader} with one {@link ReferenceLane} per speaker and, on its capture thread, takes the sum of
 * the speakers' next 10 ms as the reverse stream. Both sides run on device clocks and the lanes
 * count samples, so the reference keeps one position relative to the echo while both play.
 */
final class FarEndAudio {
  static final int RATE = 48000;
  static final int CHUNK = RATE / 100;
  private static final FarEndAudio SHARED = new FarEndAudio();

  private final CopyOnWriteArrayList<Tap> taps = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<Reader> readers = new CopyOnWriteArrayList<>();

  static FarEndAudio shared() {
    return SHARED;
  }

  /** One speaker's output into every reader. */
  final class Tap {
    /**
     * The speaker's play thread: 48 kHz mono samples just handed to the device, silence included
     * (the reference must count every sample the device plays).
     */
    void played(short[] samples, int count) {
      for (Reader r : readers) {
        r.lanes.computeIfAbsent(this, t -> new ReferenceLane()).write(samples, count);
      }
    }
  }

  /** One microphone's view of what the speakers played. */
  static final class Reader {
    private final Map<Tap, ReferenceLane> lanes = new ConcurrentHashMap<>();
    private final int[] sum = new int[CHUNK];
    private final short[] read = new short[CHUNK];

    /**
     * Fills {@code out} (10 ms) with the sum of every speaker's next 10 ms, clipped to 16 bits;
     * what a speaker has not played yet reads as silence (see {@link ReferenceLane}).
     */
    void next(short[] out) {
      Arrays.fill(sum, 0);
      for (ReferenceLane lane : lanes.values()) {
        lane.read(read);
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
      r.lanes.remove(t);
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

  /** Short reads and realignments over a reader's lanes, for the log when it closes. */
  static String describe(Reader r) {
    long debts = 0;
    long realignments = 0;
    for (ReferenceLane lane : r.lanes.values()) {
      debts += lane.debts();
      realignments += lane.realignments();
    }
    return r.lanes.size()
        + " speaker(s), "
        + debts
        + " short reads, "
        + realignments
        + " realignments";
  }
}

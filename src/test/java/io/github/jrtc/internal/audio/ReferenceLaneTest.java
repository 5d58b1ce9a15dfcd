package io.github.jrtc.internal.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The echo canceller's reference keeps one position relative to what the device played: the sample
 * read at the k-th read after the first is always the same played sample, whatever the play
 * thread's bursts and late writes.
 */
class ReferenceLaneTest {
  private static final int CHUNK = FarEndAudio.CHUNK;

  /** Played samples are numbered 1, 2, 3, ... (the tests stay below Short.MAX_VALUE). */
  private int played = 0;

  private void play(ReferenceLane lane, int chunks) {
    for (int c = 0; c < chunks; c++) {
      short[] s = new short[CHUNK];
      for (int i = 0; i < CHUNK; i++) {
        s[i] = (short) ++played;
      }
      lane.write(s, CHUNK);
    }
  }

  private static short[] read(ReferenceLane lane) {
    short[] out = new short[CHUNK];
    lane.read(out);
    return out;
  }

  /** The number of the played sample a chunk starts with (0: silence). */
  private static int first(short[] chunk) {
    return chunk[0];
  }

  @Test
  void firstReadKeepsTheLeadOfABacklog() {
    ReferenceLane lane = new ReferenceLane();
    play(lane, 10); // the microphone started late: 100 ms waiting
    short[] chunk = read(lane);
    // Everything but the lead was dropped: the read starts LEAD samples before the newest.
    assertThat(first(chunk)).isEqualTo(10 * CHUNK - ReferenceLane.LEAD + 1);
    assertThat(lane.backlog()).isEqualTo(ReferenceLane.LEAD - CHUNK);
  }

  @Test
  void firstReadPadsAShortBacklogWithSilence() {
    ReferenceLane lane = new ReferenceLane();
    short[] chunk = read(lane);
    assertThat(chunk).containsOnly((short) 0);
    assertThat(lane.owed()).isZero();
    assertThat(lane.debts()).isZero();
  }

  @Test
  void aLatePlayThreadDoesNotMoveTheReference() {
    ReferenceLane lane = new ReferenceLane();
    play(lane, 2);
    read(lane); // aligned: reads now trail the writes by LEAD
    // Steady state, one write and one read per 10 ms.
    for (int i = 0; i < 5; i++) {
      play(lane, 1);
      read(lane);
    }
    int expected = played - lane.backlog() + 1; // the next read's first sample
    // The play thread stalls for 60 ms and then catches up in one burst.
    int before = lane.backlog();
    for (int i = 0; i < 6; i++) {
      read(lane);
    }
    assertThat(lane.debts()).isPositive();
    play(lane, 6);
    // The debt was paid from the burst: the backlog and so the delay are what they were.
    assertThat(lane.backlog()).isEqualTo(before);
    assertThat(lane.owed()).isZero();
    play(lane, 1);
    assertThat(first(read(lane))).isEqualTo(expected + 6 * CHUNK);
    assertThat(lane.realignments()).isZero();
  }

  @Test
  void aLateCaptureThreadDoesNotMoveTheReference() {
    ReferenceLane lane = new ReferenceLane();
    play(lane, ReferenceLane.LEAD / CHUNK);
    int next = first(read(lane)) + CHUNK;
    // The capture thread stalls for 200 ms and then reads its backlog.
    play(lane, 20);
    for (int i = 0; i < 20; i++) {
      assertThat(first(read(lane))).isEqualTo(next);
      next += CHUNK;
    }
    assertThat(lane.debts()).isZero();
  }

  @Test
  void aReaderThatStoppedMakesTheLaneStartOverWithTheLead() {
    ReferenceLane lane = new ReferenceLane();
    read(lane);
    int chunks = 0;
    while (lane.realignments() == 0) {
      play(lane, 1);
      chunks++;
    }
    // Only once more than MAX_SKEW waited.
    int waited = chunks * CHUNK; // the first read found nothing: nothing anchored yet
    assertThat(waited).isGreaterThan(ReferenceLane.MAX_SKEW);
    assertThat(waited - CHUNK).isLessThanOrEqualTo(ReferenceLane.MAX_SKEW);
    assertThat(lane.backlog()).isEqualTo(ReferenceLane.LEAD);
    assertThat(first(read(lane))).isEqualTo(played - ReferenceLane.LEAD + 1);
  }

  @Test
  void aGapTheDevicePlayedMakesTheLaneStartOverWithTheLead() {
    ReferenceLane lane = new ReferenceLane();
    play(lane, 4);
    read(lane);
    // The device ran dry for 300 ms: the play thread never writes those samples, it just goes on.
    int reads = 0;
    while (lane.realignments() == 0) {
      if (reads >= ReferenceLane.LEAD / CHUNK) {
        assertThat(lane.owed()).isPositive();
      }
      read(lane);
      reads++;
    }
    // Not before more than MAX_SHORT_READS reads found nothing, nor much later.
    assertThat(reads).isGreaterThan(ReferenceLane.MAX_SHORT_READS);
    assertThat(reads)
        .isLessThanOrEqualTo(ReferenceLane.MAX_SHORT_READS + ReferenceLane.LEAD / CHUNK);
    assertThat(lane.owed()).isZero();
    // While the gap lasts, reads are silence and owe nothing.
    long debts = lane.debts();
    for (int i = 0; i < 30; i++) {
      assertThat(read(lane)).containsOnly((short) 0);
    }
    assertThat(lane.owed()).isZero();
    assertThat(lane.debts()).isEqualTo(debts);
    // The first samples played after the gap are read LEAD after the read that finds them: the
    // lead is anchored when the speaker plays again, not when the gap was found.
    play(lane, 1);
    int next = played - CHUNK + 1;
    for (int i = 0; i < ReferenceLane.LEAD / CHUNK - 1; i++) {
      assertThat(read(lane)).containsOnly((short) 0);
      play(lane, 1);
    }
    assertThat(first(read(lane))).isEqualTo(next);
    assertThat(lane.debts()).isEqualTo(debts);
  }

  @Test
  void aSpeakerClockThatFallsBehindMakesTheLaneStartOver() {
    ReferenceLane lane = new ReferenceLane();
    read(lane);
    // The microphone's clock runs faster than the speaker's: one read in four finds nothing.
    for (int i = 0; i < 4 * ReferenceLane.WINDOW && lane.realignments() == 0; i++) {
      read(lane);
      play(lane, 1);
      if (i % 4 == 3) {
        read(lane);
      }
    }
    assertThat(lane.realignments()).isPositive();
    // After it (the clocks agreeing again), the lead covers the phase: reads find their samples.
    long debts = lane.debts();
    for (int i = 0; i < ReferenceLane.WINDOW; i++) {
      read(lane);
      play(lane, 1);
    }
    assertThat(lane.debts()).isEqualTo(debts);
  }
}

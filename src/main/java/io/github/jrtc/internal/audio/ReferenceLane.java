package io.github.jrtc.internal.audio;

import io.github.jrtc.internal.pcm.PcmRing;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one speaker played, as one microphone's echo canceller reads it: the speaker's play thread
 * writes every sample its device played, the microphone's capture thread reads exactly one chunk
 * per captured chunk. The reference's position must follow the two device clocks and nothing else:
 * the delay between the reference and the echo it predicts is then a constant of the echo path that
 * the canceller's delay estimator finds once. So a read never waits for the writer: when the play
 * thread is late (its device buffer covers that) the missing samples are read as silence and owed,
 * and the next samples written are dropped to pay the debt. Skipping such a read instead (the first
 * design) moved the reference later by every late burst of the play thread, a ratchet that ended in
 * a backlog trim and a jump of a quarter second.
 *
 * <p>A debt the writer does not pay back soon is not lateness but a gap the device really played
 * (its buffer ran dry, so everything after it plays later): then, as at the start, the first read
 * after the speaker plays again sets the backlog to {@link #LEAD}, the play thread's usual jitter,
 * so that debts stay rare. So does a backlog past {@link #MAX_SKEW} (a microphone that stopped
 * reading). Thread-safe (one writer, one reader).
 */
final class ReferenceLane {
  private static final Logger LOG = LoggerFactory.getLogger(ReferenceLane.class);

  /** Backlog kept at the first read and after a realignment. */
  static final int LEAD = 4 * FarEndAudio.CHUNK;

  /** How far the writer may run ahead of the reader before the lane starts over. */
  static final int MAX_SKEW = 50 * FarEndAudio.CHUNK;

  /** Of the last {@link #WINDOW} reads, how many may be short before the lane starts over. */
  static final int MAX_SHORT_READS = 20;

  static final int WINDOW = 50;

  private final PcmRing ring = new PcmRing(MAX_SKEW + LEAD + FarEndAudio.CHUNK);
  private long owed; // guarded by this: samples read as silence before they were written
  // Set at the start and by a realignment: the next read that finds samples sets the backlog to
  // LEAD; until then reads are silence and owe nothing (the speaker may still be silent).
  private boolean anchorPending = true; // guarded by this
  private long recent; // guarded by this: one bit per read of the last WINDOW, 1 = short
  private long debts; // guarded by this: reads that were short
  private long realignments; // guarded by this

  /** The play thread: {@code count} samples the device played. */
  synchronized void write(short[] samples, int count) {
    int skip = (int) Math.min(owed, count);
    owed -= skip;
    ring.write(samples, skip, count - skip);
    if (ring.size() > MAX_SKEW) {
      realign("the microphone stopped reading"); // or its clock runs slower
    }
  }

  /**
   * The capture thread: fills {@code out} with the next samples (silence where none was played).
   */
  synchronized void read(short[] out) {
    if (anchorPending) {
      if (ring.size() == 0) {
        Arrays.fill(out, (short) 0);
        return;
      }
      anchorPending = false;
      setBacklog(LEAD);
    }
    int n = ring.read(out);
    boolean isShort = n < out.length;
    recent = (recent << 1 | (isShort ? 1 : 0)) & ((1L << WINDOW) - 1);
    if (isShort) {
      owed += out.length - n;
      debts++;
      if (Long.bitCount(recent) > MAX_SHORT_READS) {
        realign("the speaker's device played a gap"); // or it stopped, or its clock runs slower
      }
    }
  }

  /**
   * Starts over: the next read after the speaker played again anchors the lead, as the first read
   * did. Anchoring at once instead (the first version) put the lead at the moment the gap was
   * found, mid-gap: the rest of the gap was owed again and the samples after it dropped, so the
   * reference came out early by that rest and the canceller needed two seconds to find it again.
   */
  private void realign(String why) {
    LOG.debug("Echo reference starts over ({}, {} samples owed)", why, owed);
    realignments++;
    owed = 0;
    recent = 0;
    ring.trimTo(LEAD);
    anchorPending = true;
  }

  /** Trims the backlog to {@code samples}, or puts silence before it to make it that long. */
  private void setBacklog(int samples) {
    if (ring.size() >= samples) {
      ring.trimTo(samples);
      return;
    }
    short[] kept = new short[ring.size()];
    ring.read(kept);
    ring.write(new short[samples - kept.length], 0, samples - kept.length);
    ring.write(kept, 0, kept.length);
  }

  /** Samples waiting (tests and diagnostics). */
  synchronized int backlog() {
    return ring.size();
  }

  /** Samples read as silence and not yet paid back. */
  synchronized long owed() {
    return owed;
  }

  /** Reads that found fewer samples than asked for. */
  synchronized long debts() {
    return debts;
  }

  /** Times the lane started over with {@link #LEAD}. */
  synchronized long realignments() {
    return realignments;
  }
}

package io.github.jrtc.internal.audio;

import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioProcessingStats;
import dev.onvoid.webrtc.media.audio.AudioProcessingStreamConfig;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libwebrtc's audio processing module (webrtc-java's {@link AudioProcessing}) on one microphone, as
 * a browser runs it on getUserMedia audio: echo cancellation (AEC3) against what jrtc's speakers
 * play ({@link FarEndAudio}, the reverse stream), noise suppression, automatic gain control (AGC2,
 * adaptive digital), each per the track's constraints, plus the high-pass filter any of them needs.
 * It runs on the microphone's capture thread, on each 10 ms as it arrives and before any queue, so
 * the capture side's timing is the device's (a backlog the audio thread later drops does not move
 * the echo's delay). The reverse stream is taken in the same call, so the module's render and
 * capture calls never overlap either.
 */
public final class CaptureProcessing {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureProcessing.class);
  private static final AudioProcessingStreamConfig MONO_48K =
      new AudioProcessingStreamConfig(FarEndAudio.RATE, 1);
  static final int CHUNK = FarEndAudio.CHUNK;

  /** Which stages run: the constraints' echoCancellation, autoGainControl, noiseSuppression. */
  public record Stages(
      boolean echoCancellation, boolean autoGainControl, boolean noiseSuppression) {
    /** Every stage off: the raw signal. */
    public static final Stages NONE = new Stages(false, false, false);

    public boolean any() {
      return echoCancellation || autoGainControl || noiseSuppression;
    }
  }

  private final AudioProcessing apm;
  private Stages stages; // guarded by this
  private FarEndAudio.Reader farEnd; // guarded by this
  private final short[] far = new short[CHUNK];
  private final byte[] in = new byte[CHUNK * 2];
  private final byte[] out = new byte[CHUNK * 2];
  private final AtomicLong failures = new AtomicLong();
  private boolean closed; // guarded by this
  private long chunks; // guarded by this

  public CaptureProcessing(Stages stages) {
    this.apm = new AudioProcessing();
    configure(stages);
  }

  public synchronized Stages stages() {
    return stages;
  }

  /**
   * Switches stages on the running module (libwebrtc applies a new configuration between two
   * chunks; a stage that stays on keeps its state, the echo canceller what it learnt of the echo
   * path). Idempotent; ignored once closed.
   */
  public synchronized void reconfigure(Stages next) {
    if (closed || next.equals(stages)) {
      return;
    }
    configure(next);
  }

  private void configure(Stages next) {
    AudioProcessingConfig config = new AudioProcessingConfig();
    config.echoCanceller.enabled = next.echoCancellation();
    config.noiseSuppression.enabled = next.noiseSuppression();
    config.noiseSuppression.level = AudioProcessingConfig.NoiseSuppression.Level.HIGH;
    config.gainControl.enabled = next.autoGainControl();
    config.gainControl.adaptiveDigital.enabled = next.autoGainControl();
    config.highPassFilter.enabled = next.any();
    apm.applyConfig(config);
    if (next.echoCancellation() && farEnd == null) {
      farEnd = FarEndAudio.shared().openReader();
    } else if (!next.echoCancellation() && farEnd != null) {
      FarEndAudio.shared().closeReader(farEnd);
      farEnd = null;
    }
    stages = next;
  }

  /**
   * The capture thread, for each 10 ms (480 samples at 48 kHz mono) in order: the speakers' next 10
   * ms go in as the reverse stream, then the chunk is processed in place. A failing call leaves the
   * chunk as it was (logged once): audio keeps flowing. Synchronized with {@link #close()} so the
   * native module is never freed under a call.
   */
  public synchronized void process(short[] chunk) {
    if (closed || chunk.length != CHUNK) {
      return;
    }
    try {
      if (farEnd != null) {
        farEnd.next(far);
        toBytes(far, in);
        check(apm.processReverseStream(in, MONO_48K, MONO_48K, out), "processReverseStream");
        if (++chunks % 100 == 0 && LOG.isTraceEnabled()) {
          trace();
        }
      }
      toBytes(chunk, in);
      if (check(apm.processStream(in, MONO_48K, MONO_48K, out), "processStream")) {
        for (int i = 0; i < chunk.length; i++) {
          chunk[i] = (short) ((out[2 * i] & 0xff) | (out[2 * i + 1] << 8));
        }
      }
    } catch (RuntimeException | Error e) {
      if (failures.getAndIncrement() == 0) {
        LOG.warn("Audio processing failed; the microphone's audio goes out unprocessed", e);
      }
    }
  }

  /** Once a second at TRACE: what the echo canceller estimates, and the reference's counters. */
  private void trace() {
    AudioProcessingStats st = apm.getStatistics();
    LOG.trace(
        "AEC after {} s: delay {} ms, ERL {} dB, ERLE {} dB; reference: {}",
        chunks / 100,
        st.delayMs,
        String.format(Locale.ROOT, "%.1f", st.echoReturnLoss),
        String.format(Locale.ROOT, "%.1f", st.echoReturnLossEnhancement),
        FarEndAudio.describe(farEnd));
  }

  private boolean check(int result, String what) {
    if (result != 0 && failures.getAndIncrement() == 0) {
      LOG.warn("AudioProcessing.{} returned {}", what, result);
    }
    return result == 0;
  }

  private static void toBytes(short[] samples, byte[] bytes) {
    for (int i = 0; i < samples.length; i++) {
      bytes[2 * i] = (byte) samples[i];
      bytes[2 * i + 1] = (byte) (samples[i] >> 8);
    }
  }

  /** Frees the native module (waiting for a call in progress). Idempotent. */
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (farEnd != null) {
      FarEndAudio.shared().closeReader(farEnd);
      LOG.debug("Echo cancellation reference: {}", FarEndAudio.describe(farEnd));
    }
    try {
      apm.dispose();
    } catch (RuntimeException | Error e) {
      LOG.debug("Disposing the audio processing module failed", e);
    }
  }
}

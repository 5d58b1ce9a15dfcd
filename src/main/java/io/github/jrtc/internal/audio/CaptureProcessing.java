package io.github.jrtc.internal.audio;

import dev.onvoid.webrtc.media.audio.AudioProcessing;
import dev.onvoid.webrtc.media.audio.AudioProcessingConfig;
import dev.onvoid.webrtc.media.audio.AudioProcessingStreamConfig;
import io.github.jrtc.internal.webrtcjava.AudioPump;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libwebrtc's audio processing module (webrtc-java's {@link AudioProcessing}) on one microphone's
 * 10 ms chunks, as a browser runs it on getUserMedia audio: echo cancellation (AEC3) against what
 * jrtc's speakers play ({@link FarEndAudio}, the reverse stream), noise suppression, automatic gain
 * control (AGC2, adaptive digital), each per the track's constraints, plus the high-pass filter any
 * of them needs. Runs on the audio pump thread only, so the module's capture and render calls never
 * overlap; the microphone disposes it after its feed is unregistered.
 */
public final class CaptureProcessing implements AudioPump.ChunkFilter {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureProcessing.class);
  private static final AudioProcessingStreamConfig MONO_48K =
      new AudioProcessingStreamConfig(FarEndAudio.RATE, 1);

  /** Which stages run: the constraints' echoCancellation, autoGainControl, noiseSuppression. */
  public record Stages(
      boolean echoCancellation, boolean autoGainControl, boolean noiseSuppression) {
    public boolean any() {
      return echoCancellation || autoGainControl || noiseSuppression;
    }
  }

  private final AudioProcessing apm;
  private final Stages stages;
  private final byte[] in = new byte[FarEndAudio.CHUNK * 2];
  private final byte[] out = new byte[FarEndAudio.CHUNK * 2];
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong failures = new AtomicLong();
  private long lastRound = -1; // pump thread only

  public CaptureProcessing(Stages stages) {
    this.stages = stages;
    this.apm = new AudioProcessing();
    AudioProcessingConfig config = new AudioProcessingConfig();
    config.echoCanceller.enabled = stages.echoCancellation();
    config.noiseSuppression.enabled = stages.noiseSuppression();
    config.noiseSuppression.level = AudioProcessingConfig.NoiseSuppression.Level.HIGH;
    config.gainControl.enabled = stages.autoGainControl();
    config.gainControl.adaptiveDigital.enabled = stages.autoGainControl();
    config.highPassFilter.enabled = stages.any();
    apm.applyConfig(config);
  }

  public Stages stages() {
    return stages;
  }

  /**
   * The pump thread, for each 10 ms chunk of the microphone: once per round the far end's chunk
   * goes in as the reverse stream, then the chunk is processed in place. A failing call leaves the
   * chunk as it was (logged once): audio keeps flowing.
   */
  @Override
  public void process(short[] chunk, long round) {
    if (closed.get() || chunk.length != FarEndAudio.CHUNK) {
      return;
    }
    try {
      if (round != lastRound) {
        lastRound = round;
        if (stages.echoCancellation()) {
          toBytes(FarEndAudio.shared().chunkFor(round), in);
          check(apm.processReverseStream(in, MONO_48K, MONO_48K, out), "processReverseStream");
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

  /** Frees the native module; only once the pump no longer calls {@link #process}. Idempotent. */
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try {
        apm.dispose();
      } catch (RuntimeException | Error e) {
        LOG.debug("Disposing the audio processing module failed", e);
      }
    }
  }
}

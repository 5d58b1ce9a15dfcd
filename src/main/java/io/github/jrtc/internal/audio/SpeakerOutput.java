package io.github.jrtc.internal.audio;

import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioSource;
import io.github.jrtc.internal.jni.NativeAudioDevices;
import io.github.jrtc.internal.pcm.PcmConverter;
import io.github.jrtc.internal.pcm.PcmRing;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import io.github.jrtc.media.AudioSink;
import io.github.jrtc.media.SinkRegistration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays one audio track on the system's default output: the track's sink (its media thread) queues
 * 48 kHz mono into a ring; a standalone webrtc-java audio device module, never attached to the
 * factory, pulls 10 ms at a time on its play thread and gets them converted to the device's rate
 * and channels (silence when nothing is queued).
 */
public final class SpeakerOutput implements AudioSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpeakerOutput.class);
  private static final int RATE = 48000;
  private static final int CHUNK = RATE / 100;
  private static final AtomicInteger LIVE = new AtomicInteger();

  private final AudioDeviceModule adm;
  private final NativeEngine engine;
  private final PcmRing in = new PcmRing(RATE); // one second of 48 kHz mono
  private final PcmConverter fromTrack = new PcmConverter(RATE, 1);
  private final short[] chunk = new short[CHUNK];
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong pulls = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile SinkRegistration sink;
  // What this speaker plays, as the reverse stream of microphones' echo cancellation.
  private final FarEndAudio.Tap farEnd = FarEndAudio.shared().openTap();
  private PcmRing out; // device format, play thread only
  private PcmConverter toDevice; // play thread only
  private int outRate; // play thread only
  private int outChannels; // play thread only
  private short[] pulled = new short[0]; // play thread only

  private SpeakerOutput(NativeEngine engine, AudioDeviceModule adm) {
    this.engine = engine;
    this.adm = adm;
    LIVE.incrementAndGet();
  }

  /**
   * Starts playing a track on the output called {@code label} (null: the system default);
   * NotFoundError without an output, NotReadableError if it cannot be selected or fails. {@code
   * attach} adds the speaker's sink to the track ({@code TrackSinks.addAudioSink} for the caller's
   * track, with its checks): the speaker plays what that sink is fed and never sees the public
   * track, which stays above the internal layers.
   */
  public static SpeakerOutput play(Function<AudioSink, SinkRegistration> attach, String label) {
    NativeEngine engine = NativeEngine.shared();
    AudioDeviceModule adm = AudioDevicePolicy.open("the speakers");
    List<AudioDevice> outputs;
    try {
      outputs = adm.getPlayoutDevices();
    } catch (RuntimeException | Error e) {
      disposeBounded(adm);
      throw Errors.notReadable("Could not list audio outputs: " + e.getMessage());
    }
    if (outputs == null || outputs.isEmpty()) {
      disposeBounded(adm);
      throw Errors.notFound("The sound system lists no audio output");
    }
    int position = 0;
    if (label != null) {
      position = NativeAudioDevices.findOutput(adm, label);
      if (position < 0) {
        disposeBounded(adm);
        throw NativeAudioDevices.cannotSelect("output", label, position);
      }
    }
    int selected = position;
    SpeakerOutput speaker = new SpeakerOutput(engine, adm);
    try {
      speaker.sink = attach.apply(speaker::queue);
    } catch (RuntimeException e) {
      speaker.close();
      throw e;
    }
    RuntimeException[] failure = new RuntimeException[1];
    boolean started =
        AudioDevicePolicy.runBounded(
            "speaker-start",
            () -> {
              try {
                // Position 0 is the default output; webrtc-java can select no other (libwebrtc's
                // PulseAudio module gives no ids), jrtc's native call can.
                if (selected == 0) {
                  adm.setPlayoutDevice(outputs.get(0));
                } else if (!NativeAudioDevices.selectOutput(adm, selected)) {
                  throw new IllegalStateException("the module refused output " + selected);
                }
                adm.setAudioSource(speaker);
                adm.initPlayout();
                adm.startPlayout();
              } catch (RuntimeException | Error e) {
                failure[0] = new IllegalStateException(e.getMessage(), e);
              }
            });
    if (!started || failure[0] != null) {
      speaker.close();
      throw Errors.notReadable(
          "Could not play on "
              + (label == null ? "the default output" : "'" + label + "'")
              + ": "
              + (failure[0] == null ? "the sound system did not answer" : failure[0].getMessage()));
    }
    engine.own(speaker);
    return speaker;
  }

  /** Outputs playing now (tests). */
  public static int live() {
    return LIVE.get();
  }

  /** 10 ms pulls the device made so far. */
  public long pulls() {
    return pulls.get();
  }

  /** The track's media thread. */
  private void queue(io.github.jrtc.media.AudioData d) {
    if (closed.get()) {
      return;
    }
    int n = fromTrack.convert(d.samples(), d.frames(), d.channels(), d.sampleRate());
    in.write(fromTrack.output(), 0, n);
    if (in.size() > 12 * CHUNK) {
      in.trimTo(3 * CHUNK); // the device clock runs slower than the sender's: keep latency low
    }
  }

  /**
   * The module's play thread: fill {@code audioSamples} with {@code nSamples} frames of {@code
   * nChannels} 16-bit samples at {@code samplesPerSec}, return at once, never throw.
   */
  @Override
  public int onPlaybackData(
      byte[] audioSamples, int nSamples, int nBytesPerSample, int nChannels, int samplesPerSec) {
    try {
      int channels = Math.max(1, nChannels);
      int total = nSamples * channels;
      if (out == null || outRate != samplesPerSec || outChannels != channels) {
        outRate = samplesPerSec;
        outChannels = channels;
        out = new PcmRing(samplesPerSec * channels);
        toDevice = new PcmConverter(samplesPerSec, channels);
      }
      while (out.size() < total && !closed.get()) {
        // An underrun plays a chunk of silence, and the echo canceller's reference records it too:
        // it must count every sample the device plays, or its delay to the echo moves.
        if (in.size() < CHUNK) {
          Arrays.fill(chunk, (short) 0);
        } else {
          in.read(chunk);
        }
        farEnd.played(chunk, CHUNK);
        int n = toDevice.convert(chunk, CHUNK, 1, RATE);
        out.write(toDevice.output(), 0, n);
      }
      if (pulled.length != total) {
        pulled = new short[total];
      }
      out.read(pulled);
      int bytes = Math.min(audioSamples.length / 2, total);
      for (int i = 0; i < bytes; i++) {
        audioSamples[2 * i] = (byte) pulled[i];
        audioSamples[2 * i + 1] = (byte) (pulled[i] >> 8);
      }
      pulls.incrementAndGet();
      return total;
    } catch (Throwable t) { // NOPMD: never throw into the native play thread
      if (failures.getAndIncrement() == 0) {
        LOG.warn("Playback chunk dropped", t);
      }
      return 0;
    }
  }

  /** Stops playing and gives the device back. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    SinkRegistration s = sink;
    if (s != null) {
      s.close();
    }
    disposeBounded(adm);
    FarEndAudio.shared().closeTap(farEnd);
    engine.disown(this);
    LIVE.decrementAndGet();
  }

  private static void disposeBounded(AudioDeviceModule adm) {
    AudioDevicePolicy.runBounded(
        "speaker-stop",
        () -> {
          try {
            adm.stopPlayout();
          } catch (RuntimeException | Error e) {
            LOG.debug("Stopping playout failed", e);
          }
          adm.dispose();
        });
  }
}

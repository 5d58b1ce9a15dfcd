package io.github.jrtc.internal.audio;

import dev.onvoid.webrtc.media.audio.AudioDevice;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioSink;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import io.github.jrtc.internal.jni.NativeAudioDevices;
import io.github.jrtc.internal.pcm.PcmConverter;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.AudioPump;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One getUserMedia microphone: a standalone webrtc-java audio device module (PulseAudio on Linux),
 * never attached to the factory, records the system's default input; its capture callback only
 * converts the chunk (to 48 kHz mono) into a ring, and {@link AudioPump} pushes the ring into a
 * custom source like any Java source. So a microphone never runs libwebrtc's send path from a
 * device thread, and microphones and Java sources can be live at once, each on its own track.
 */
public final class MicrophoneSource implements AudioSink {
  private static final Logger LOG = LoggerFactory.getLogger(MicrophoneSource.class);

  /** What libwebrtc's audio device module delivers: 48 kHz, 16-bit, mono, 10 ms buffers. */
  public static final int RATE = 48000;

  private static final AtomicInteger LIVE = new AtomicInteger();

  private final AudioDeviceModule adm;
  private final CustomAudioSource source;
  private final AudioPump.Feed feed;
  private final PcmConverter converter = new PcmConverter(RATE, 1);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong chunks = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile int deviceRate;
  private volatile int deviceChannels;

  // Read by the capture thread on each chunk; switched by stages() (applyConstraints).
  private volatile CaptureProcessing processing; // written under this
  private final short[] pending = new short[RATE / 100]; // capture thread only
  private int pendingCount; // capture thread only

  private MicrophoneSource(
      NativeEngine engine,
      AudioDeviceModule adm,
      CustomAudioSource source,
      CaptureProcessing processing) {
    this.adm = adm;
    this.source = source;
    this.processing = processing;
    this.feed = AudioPump.shared().register(engine, source, RATE, 1, true);
    LIVE.incrementAndGet();
  }

  /**
   * Opens the input called {@code label} (the system default when {@code systemDefault}) and starts
   * recording. NotFoundError when the sound system lists no input, NotReadableError when it cannot
   * be selected, opened or started. {@code stages} say which of libwebrtc's capture processing
   * stages run on its audio (none: the raw signal).
   */
  public static MicrophoneSource open(
      NativeEngine engine, String label, boolean systemDefault, CaptureProcessing.Stages stages) {
    AudioDeviceModule adm = AudioDevicePolicy.open("the microphone '" + label + "'");
    List<AudioDevice> inputs;
    try {
      inputs = adm.getRecordingDevices();
    } catch (RuntimeException | Error e) {
      disposeBounded(adm);
      throw Errors.notReadable("Could not list audio inputs: " + e.getMessage());
    }
    if (inputs == null || inputs.isEmpty()) {
      disposeBounded(adm);
      throw Errors.notFound("The sound system lists no audio input");
    }
    int position = 0;
    if (!systemDefault) {
      position = NativeAudioDevices.findInput(adm, label);
      if (position < 0) {
        disposeBounded(adm);
        throw NativeAudioDevices.cannotSelect("input", label, position);
      }
    }
    int selected = position;
    CustomAudioSource source;
    synchronized (engine) {
      if (engine.isDisposed()) {
        disposeBounded(adm);
        throw Errors.invalidState("The jrtc engine has been shut down");
      }
      source = new CustomAudioSource();
    }
    CaptureProcessing processing = null;
    if (stages.any()) {
      try {
        processing = new CaptureProcessing(stages);
      } catch (RuntimeException | Error e) {
        disposeBounded(adm);
        throw Errors.notReadable(
            "Could not create libwebrtc's audio processing: " + e.getMessage());
      }
    }
    MicrophoneSource mic = new MicrophoneSource(engine, adm, source, processing);
    RuntimeException[] failure = new RuntimeException[1];
    boolean started =
        AudioDevicePolicy.runBounded(
            "mic-start",
            () -> {
              try {
                // Position 0 is the system default; webrtc-java can select no other (libwebrtc's
                // PulseAudio module gives its devices no ids), jrtc's native call can.
                if (selected == 0) {
                  adm.setRecordingDevice(inputs.get(0));
                } else if (!NativeAudioDevices.selectInput(adm, selected)) {
                  throw new IllegalStateException("the module refused input " + selected);
                }
                adm.setAudioSink(mic);
                adm.initRecording();
                adm.startRecording();
              } catch (RuntimeException | Error e) {
                failure[0] = new IllegalStateException(e.getMessage(), e);
              }
            });
    if (!started || failure[0] != null) {
      mic.close();
      throw Errors.notReadable(
          "Could not record from '"
              + label
              + "': "
              + (failure[0] == null ? "the sound system did not answer" : failure[0].getMessage()));
    }
    LOG.debug("Recording from input {} ('{}', 0 = the default)", selected, label);
    return mic;
  }

  /** Microphones recording now (tests: the last stop() must release them). */
  public static int live() {
    return LIVE.get();
  }

  /** What the device delivers (0 until the first chunk). */
  int deviceRate() {
    return deviceRate;
  }

  int deviceChannels() {
    return deviceChannels;
  }

  long chunks() {
    return chunks.get();
  }

  public CustomAudioSource nativeSource() {
    return source;
  }

  /**
   * The module's capture thread: copy, convert, process (echo cancellation and the rest, when
   * asked), queue, return. Nothing here may throw into webrtc-java (a Java exception there ends in
   * std::terminate) or wait for anything but the ring's short monitor and the processing's, which
   * only close() contends.
   */
  @Override
  public void onRecordedData(
      byte[] audioSamples,
      int nSamples,
      int nBytesPerSample,
      int nChannels,
      int samplesPerSec,
      int totalDelayMS,
      int clockDrift) {
    try {
      if (feed.closed || audioSamples == null) {
        return;
      }
      // nSamples counts frames; nBytesPerSample is the size of one frame (all channels).
      int channels = Math.max(1, nChannels);
      if (nBytesPerSample != 2 * channels) {
        return; // only 16-bit PCM is delivered by libwebrtc's modules
      }
      deviceRate = samplesPerSec;
      deviceChannels = channels;
      int n = converter.convert(audioSamples, nSamples, channels, samplesPerSec);
      chunked(converter.output(), n);
      chunks.incrementAndGet();
    } catch (Throwable t) { // NOPMD: never throw into the native capture thread
      if (failures.getAndIncrement() == 0) {
        LOG.warn("Microphone chunk dropped", t);
      }
    }
  }

  /**
   * The capture thread: whole 10 ms chunks through the processing (when any stage is on), then into
   * the ring. Always in whole chunks, so switching stages on a live microphone loses no samples.
   */
  private void chunked(short[] samples, int n) {
    for (int i = 0; i < n; ) {
      int take = Math.min(n - i, pending.length - pendingCount);
      System.arraycopy(samples, i, pending, pendingCount, take);
      pendingCount += take;
      i += take;
      if (pendingCount == pending.length) {
        CaptureProcessing p = processing;
        if (p != null) {
          p.process(pending);
        }
        feed.ring().write(pending, 0, pending.length);
        pendingCount = 0;
      }
    }
  }

  /** The stages running now. */
  public CaptureProcessing.Stages stages() {
    CaptureProcessing p = processing;
    return p == null ? CaptureProcessing.Stages.NONE : p.stages();
  }

  /**
   * Switches the processing stages of the running microphone (applyConstraints): reconfigures the
   * module in place (an echo canceller that stays on keeps what it learnt), creates it when the
   * first stage goes on, frees it when the last goes off. NotReadableError if the module cannot be
   * created; nothing changed then.
   */
  public synchronized void stages(CaptureProcessing.Stages next) {
    if (closed.get()) {
      return;
    }
    CaptureProcessing p = processing;
    if (p == null) {
      if (next.any()) {
        try {
          processing = new CaptureProcessing(next);
        } catch (RuntimeException | Error e) {
          throw Errors.notReadable(
              "Could not create libwebrtc's audio processing: " + e.getMessage());
        }
      }
    } else if (next.any()) {
      p.reconfigure(next);
    } else {
      processing = null;
      p.close(); // waits for a chunk in progress
    }
  }

  /**
   * Stops recording and disposes the module (idempotent), then ends the feed; the caller disposes
   * the native source afterwards.
   */
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    AudioPump.shared().unregister(feed);
    disposeBounded(adm);
    // After the capture thread stopped (or, if stopping timed out, waiting for its call in
    // progress: process() and close() share a monitor).
    CaptureProcessing p;
    synchronized (this) {
      p = processing;
      processing = null;
    }
    if (p != null) {
      p.close();
    }
    LIVE.decrementAndGet();
  }

  private static void disposeBounded(AudioDeviceModule adm) {
    // Stopping joins the capture thread, which may be waiting for the ring: never under a lock.
    AudioDevicePolicy.runBounded(
        "mic-stop",
        () -> {
          try {
            adm.stopRecording();
          } catch (RuntimeException | Error e) {
            LOG.debug("Stopping a microphone failed", e);
          }
          adm.dispose();
        });
  }
}

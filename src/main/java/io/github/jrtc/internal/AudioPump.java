package io.github.jrtc.internal;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single jrtc audio thread: every 10 ms it pushes one 10 ms chunk of every Java audio source
 * into libwebrtc.
 *
 * <p>Why this design: libwebrtc's AudioSendStream::SendAudioData has a race checker that aborts the
 * process when two threads enter it at once. Audio reaches a send stream both from the audio device
 * module's capture thread (libwebrtc's AudioTransport sends recorded audio to every sending stream,
 * whatever the track) and from a custom source's push. With webrtc-java's headless module recording
 * (libwebrtc starts recording whenever a send stream starts), pushing from any other thread aborts
 * the JVM within seconds. So, on this one thread, before each round of pushes, the module's
 * recording is stopped: StopRecording joins the module's capture thread, so once it returns no
 * capture callback can be running, and the pushes that follow are the only callers of
 * SendAudioData. It is a no-op while recording is already stopped. libwebrtc may restart recording
 * only when a send stream starts (negotiation, connection, replaceTrack), and the next round stops
 * it again. Consequence: while a Java audio source is live, the engine's native microphone capture
 * is held stopped (in libwebrtc's model the module's recorded audio would be mixed into every
 * sending stream anyway).
 */
public final class AudioPump {
  private static final Logger LOG = LoggerFactory.getLogger(AudioPump.class);
  private static final long TICK_NANOS = 10_000_000L;
  private static final long DELIVERY_GRACE_NANOS = 3_000_000L;
  private static final AudioPump SHARED = new AudioPump();

  /** One Java source: its ring of samples and its native source. */
  public static final class Feed {
    final NativeEngine engine;
    final CustomAudioSource source;
    final PcmRing ring;
    final int sampleRate;
    final int channels;
    final short[] chunk;
    final byte[] bytes;
    volatile boolean closed;

    Feed(NativeEngine engine, CustomAudioSource source, int sampleRate, int channels) {
      this.engine = engine;
      this.source = source;
      this.sampleRate = sampleRate;
      this.channels = channels;
      this.chunk = new short[sampleRate / 100 * channels];
      this.bytes = new byte[chunk.length * 2];
      // Up to one second ahead; more means the producer outruns real time.
      this.ring = new PcmRing(sampleRate * channels);
    }

    public PcmRing ring() {
      return ring;
    }
  }

  private final CopyOnWriteArrayList<Feed> feeds = new CopyOnWriteArrayList<>();
  private Thread thread; // guarded by this
  private volatile long rounds;

  private AudioPump() {}

  public static AudioPump shared() {
    return SHARED;
  }

  synchronized Feed register(
      NativeEngine engine, CustomAudioSource source, int sampleRate, int channels) {
    Feed f = new Feed(engine, source, sampleRate, channels);
    feeds.add(f);
    if (thread == null) {
      Thread t = new Thread(this::run, "jrtc-audio");
      t.setDaemon(true);
      t.setPriority(Thread.MAX_PRIORITY);
      thread = t;
      t.start();
    }
    return f;
  }

  void unregister(Feed f) {
    f.closed = true;
    feeds.remove(f);
  }

  /** Engine shutdown: no feed may touch native objects afterwards. */
  void stopAll() {
    for (Feed f : feeds) {
      unregister(f);
    }
  }

  public long rounds() {
    return rounds;
  }

  private void run() {
    long next = System.nanoTime();
    while (true) {
      if (feeds.isEmpty()) {
        synchronized (this) {
          if (feeds.isEmpty()) {
            thread = null;
            return;
          }
        }
      }
      try {
        round();
      } catch (Throwable t) { // NOPMD: the audio thread must survive anything
        LOG.error("Audio round failed", t);
      }
      rounds++;
      next += TICK_NANOS;
      long now = System.nanoTime();
      if (now - next > 20 * TICK_NANOS) {
        next = now; // a long stall: resume real time instead of bursting 200 ms of audio
      }
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
      }
    }
  }

  private void round() {
    Set<NativeEngine> stopped = new HashSet<>();
    for (Feed f : feeds) {
      synchronized (f.engine) {
        if (!f.closed && !f.engine.isDisposed() && stopped.add(f.engine)) {
          f.engine.audioModule().stopRecording();
        }
      }
    }
    if (stopped.isEmpty()) {
      return;
    }
    // PulseAudio's module releases its lock while it hands a recorded chunk to libwebrtc, so its
    // StopRecording can return while that last delivery is still inside SendAudioData (seen as
    // the race-checker abort in AiortcIT with the native module). A chunk is delivered well
    // within this grace; a recording libwebrtc restarts meanwhile delivers its first chunk only
    // after a fragment (>= 10 ms) and is stopped again by the next round.
    LockSupport.parkNanos(this, DELIVERY_GRACE_NANOS);
    for (Feed f : feeds) {
      synchronized (f.engine) {
        if (f.closed || f.engine.isDisposed() || !stopped.contains(f.engine)) {
          continue;
        }
        f.ring.read(f.chunk);
        for (int i = 0; i < f.chunk.length; i++) {
          f.bytes[2 * i] = (byte) f.chunk[i];
          f.bytes[2 * i + 1] = (byte) (f.chunk[i] >> 8);
        }
        f.source.pushAudio(f.bytes, 16, f.sampleRate, f.channels, f.sampleRate / 100);
      }
    }
  }
}

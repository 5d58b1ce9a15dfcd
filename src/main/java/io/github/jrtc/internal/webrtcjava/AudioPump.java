package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import io.github.jrtc.internal.jni.NativeAudioGuard;
import io.github.jrtc.internal.pcm.PcmRing;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single jrtc audio thread: every 10 ms it pushes one 10 ms chunk of every local audio source
 * (Java {@code AudioSampleSource}s and microphones alike) into libwebrtc.
 *
 * <p>Why this design: libwebrtc's AudioSendStream::SendAudioData has a race checker that aborts the
 * process when two threads are inside it at once. Audio reaches a send stream both from the
 * factory's audio device module (libwebrtc's AudioTransport sends whatever the module records to
 * every sending stream, whatever its track) and from a custom source's push. The factory's module
 * is always webrtc-java's headless one (see {@link NativeEngine}), whose "recording" is a thread
 * that sends libwebrtc's own remote-audio mix back out (an echo, never wanted); its StopRecording
 * joins that thread. So, on this one thread, for each engine, recording is stopped and then that
 * engine's sources are pushed, under the engine's monitor. Normally the module cannot record at all
 * ({@link NativeAudioGuard} wraps it before the factory exists) and nothing is stopped; without
 * jrtc's native library, StopRecording runs every round: once it has returned no capture thread is
 * running, and the pushes are the only callers of SendAudioData. Microphones are not the factory's
 * module: each has a standalone module whose capture callback only fills a ring that this thread
 * drains (see {@link MicrophoneSource}).
 *
 * <p>Recording is held stopped for as long as an engine lives, not only while sources are open: a
 * forwarded remote track or a track whose source was closed still has a send stream that the
 * headless module would feed from a second thread.
 *
 * <p>What the fallback cannot rule out (webrtc-java 0.14.0 exposes no AudioState::SetRecording):
 * libwebrtc restarts the module's recording on its worker thread whenever a send stream starts or
 * is unmuted while recording is stopped; if that lands while this thread is pushing, the restarted
 * capture thread's first delivery can meet a push in one stream. The native guard refuses those
 * restarts. See docs/architecture.md, "Audio".
 */
public final class AudioPump {
  private static final Logger LOG = LoggerFactory.getLogger(AudioPump.class);
  private static final long TICK_NANOS = 10_000_000L;
  private static final AudioPump SHARED = new AudioPump();

  /** One local source: its ring of samples and its native source. */
  public static final class Feed {
    final NativeEngine engine;
    final CustomAudioSource source;
    public final PcmRing ring;
    final int sampleRate;
    final int channels;
    final short[] chunk;
    final byte[] bytes;
    final int maxBuffered;
    public volatile boolean closed;
    int owed; // rounds skipped at the gate, pushed later (pump thread only)

    Feed(
        NativeEngine engine, CustomAudioSource source, int sampleRate, int channels, boolean live) {
      this.engine = engine;
      this.source = source;
      this.sampleRate = sampleRate;
      this.channels = channels;
      this.chunk = new short[sampleRate / 100 * channels];
      this.bytes = new byte[chunk.length * 2];
      // Up to one second ahead; more means the producer outruns real time.
      this.ring = new PcmRing(sampleRate * channels);
      // A live capture keeps its latency low: two device clocks drift, so a backlog past 60 ms is
      // dropped rather than kept as delay.
      this.maxBuffered = live ? 6 * chunk.length : 0;
    }

    public PcmRing ring() {
      return ring;
    }

    /**
     * Fills {@link #chunk}; a live feed sends silence (and keeps what it has) until 10 ms are in.
     */
    void fill() {
      if (maxBuffered > 0) {
        if (ring.size() > maxBuffered) {
          ring.trimTo(2 * chunk.length);
        }
        if (ring.size() < chunk.length) {
          java.util.Arrays.fill(chunk, (short) 0);
          return;
        }
      }
      ring.read(chunk);
    }
  }

  private static final int MAX_OWED = 5;
  private static final ReentrantReadWriteLock GATE = new ReentrantReadWriteLock();

  private final CopyOnWriteArrayList<Feed> feeds = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArraySet<NativeEngine> engines = new CopyOnWriteArraySet<>();
  private Thread thread; // guarded by this
  private volatile long rounds;
  private volatile long pushRounds; // rounds that pushed into at least one source
  private volatile long pushNanos; // time spent pushing (the window a restarted recording can hit)
  private volatile long skipped; // engine rounds skipped because a gated native call was running

  private AudioPump() {}

  public static AudioPump shared() {
    return SHARED;
  }

  /** Holds {@code engine}'s module from recording until {@link #release(NativeEngine)}. */
  public synchronized void guard(NativeEngine engine) {
    engines.add(engine);
    ensureRunning();
  }

  /** Engine shutdown: its feeds end and its module is no longer touched. */
  public void release(NativeEngine engine) {
    synchronized (engine) {
      engines.remove(engine);
      for (Feed f : feeds) {
        if (f.engine == engine) {
          f.closed = true;
          feeds.remove(f);
        }
      }
    }
  }

  public synchronized Feed register(
      NativeEngine engine, CustomAudioSource source, int sampleRate, int channels, boolean live) {
    Feed f = new Feed(engine, source, sampleRate, channels, live);
    feeds.add(f);
    engines.add(engine);
    ensureRunning();
    return f;
  }

  /**
   * Ends a feed. Pushes happen under the engine's monitor, so once this returns no push into the
   * feed's source is in flight and the source may be disposed.
   */
  public void unregister(Feed f) {
    synchronized (f.engine) {
      f.closed = true;
      feeds.remove(f);
    }
  }

  public long rounds() {
    return rounds;
  }

  /** Engine rounds whose pushes waited for a native call to finish (diagnostics). */
  public long skippedRounds() {
    return skipped;
  }

  /**
   * Runs a native call that may start or stop an audio send stream or change a local audio source's
   * sinks (addTrack, replaceTrack, set*Description, enabled, sinks on a local track, ...): no push
   * runs meanwhile. Never waits for more than one push round.
   */
  public static <T> T notWhilePushing(Supplier<T> body) {
    GATE.readLock().lock();
    try {
      return body.get();
    } finally {
      GATE.readLock().unlock();
    }
  }

  public static void notWhilePushing(Runnable body) {
    notWhilePushing(
        () -> {
          body.run();
          return null;
        });
  }

  /**
   * Mean time per round spent pushing, in microseconds: a recording libwebrtc restarts inside it
   * could meet a push (see the class comment), so this over 10 ms is that exposure.
   */
  public double meanPushMicros() {
    long n = pushRounds;
    return n == 0 ? 0 : pushNanos / 1000.0 / n;
  }

  /** Feeds being pushed now (diagnostics, tests). */
  public int feedCount() {
    return feeds.size();
  }

  private void ensureRunning() {
    if (thread == null) {
      Thread t = new Thread(this::run, "jrtc-audio");
      t.setDaemon(true);
      t.setPriority(Thread.MAX_PRIORITY);
      thread = t;
      t.start();
    }
  }

  private void run() {
    long next = System.nanoTime();
    while (true) {
      if (engines.isEmpty()) {
        synchronized (this) {
          if (engines.isEmpty()) {
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
    for (NativeEngine engine : engines) {
      // Engine monitor first, then the gate without waiting: a thread holding the monitor may be
      // waiting for the gate's read side (shutdown closing connections), never the other way.
      synchronized (engine) {
        if (engine.isDisposed()) {
          engines.remove(engine);
          continue;
        }
        if (!GATE.writeLock().tryLock()) {
          skipped++;
          for (Feed f : feeds) {
            if (f.engine == engine && f.owed < MAX_OWED) {
              f.owed++;
            }
          }
          continue;
        }
        try {
          pushEngine(engine);
        } finally {
          GATE.writeLock().unlock();
        }
      }
    }
  }

  private void pushEngine(NativeEngine engine) {
    if (!engine.recordingRefused()) {
      try {
        engine.audioModule().stopRecording();
      } catch (RuntimeException | Error e) {
        LOG.warn("Stopping the engine's audio module failed; not pushing this round", e);
        return;
      }
    }
    long pushStart = 0;
    for (Feed f : feeds) {
      if (f.engine != engine || f.closed) {
        continue;
      }
      if (pushStart == 0) {
        pushStart = System.nanoTime();
      }
      int chunks = 1 + f.owed;
      f.owed = 0;
      for (int k = 0; k < chunks; k++) {
        f.fill();
        short[] c = f.chunk;
        for (int i = 0; i < c.length; i++) {
          f.bytes[2 * i] = (byte) c[i];
          f.bytes[2 * i + 1] = (byte) (c[i] >> 8);
        }
        f.source.pushAudio(f.bytes, 16, f.sampleRate, f.channels, f.sampleRate / 100);
      }
    }
    if (pushStart != 0) {
      pushNanos += System.nanoTime() - pushStart;
      pushRounds++;
    }
  }
}

package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import dev.onvoid.webrtc.media.video.I420Buffer;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.jni.NativeCallbacks;
import io.github.jrtc.internal.loop.EventThreads;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.media.AudioData;
import io.github.jrtc.media.AudioSink;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.VideoFrame;
import io.github.jrtc.media.VideoSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One native sink per track and one media thread per track. The native callback (libwebrtc's
 * decoder or audio thread) only wraps the frame and queues it; the media thread calls the Java
 * sinks. When the sinks fall behind, the oldest queued video frames are dropped (and released).
 */
public final class SinkDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(SinkDispatcher.class);
  private static final Map<TrackSource, SinkDispatcher> BY_SOURCE = new ConcurrentHashMap<>();
  private static final int VIDEO_QUEUE = 2;
  private static final int AUDIO_QUEUE = 50;

  private final TrackSource source;
  private final CopyOnWriteArrayList<VideoSink> videoSinks = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<AudioSink> audioSinks = new CopyOnWriteArrayList<>();
  private final ArrayBlockingQueue<Runnable> work;
  private final ThreadPoolExecutor thread;
  private VideoTrackSink nativeVideo; // guarded by this
  private AudioTrackSink nativeAudio; // guarded by this

  private SinkDispatcher(TrackSource source) {
    this.source = source;
    this.work = new ArrayBlockingQueue<>(source.kind().equals("video") ? VIDEO_QUEUE : AUDIO_QUEUE);
    this.thread =
        new ThreadPoolExecutor(
            0, 1, 5, TimeUnit.SECONDS, work, EventThreads.daemonFactory("jrtc-media-"));
  }

  /** The dispatcher of every track on {@code source} (the native track a public one wraps). */
  public static SinkDispatcher forSource(TrackSource source) {
    return BY_SOURCE.computeIfAbsent(source, SinkDispatcher::new);
  }

  public SinkRegistration addVideo(VideoSink sink) {
    videoSinks.add(sink);
    attach();
    return once(() -> remove(videoSinks, sink));
  }

  public SinkRegistration addAudio(AudioSink sink) {
    audioSinks.add(sink);
    attach();
    return once(() -> remove(audioSinks, sink));
  }

  private static SinkRegistration once(Runnable r) {
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        r.run();
      }
    };
  }

  private <T> void remove(CopyOnWriteArrayList<T> list, T sink) {
    list.remove(sink);
    synchronized (this) {
      if (videoSinks.isEmpty() && audioSinks.isEmpty()) {
        detach();
      }
    }
  }

  // Native sink calls hold the source's monitor (see MediaArrival): the track is never dropped
  // and released under them by a connection closing on another thread.
  private synchronized void attach() {
    synchronized (source) {
      attachLocked();
    }
  }

  private void attachLocked() {
    dev.onvoid.webrtc.media.MediaStreamTrack t = source.nativeTrack();
    if (t == null) {
      throw Errors.invalidState("The track's native side is gone");
    }
    if (t instanceof VideoTrack video && nativeVideo == null) {
      nativeVideo =
          frame -> NativeCallbacks.guard("VideoTrackSink.onVideoFrame", () -> onNative(frame));
      video.addSink(nativeVideo);
    } else if (t instanceof AudioTrack audio && nativeAudio == null) {
      nativeAudio =
          (data, bits, rate, channels, frames) ->
              NativeCallbacks.guard(
                  "AudioTrackSink.onData", () -> onNative(data, bits, rate, channels, frames));
      AudioTrackSink n = nativeAudio;
      AudioPump.notWhilePushing(() -> audio.addSink(n));
    }
  }

  private void detach() {
    synchronized (source) {
      detachLocked();
    }
  }

  private void detachLocked() {
    dev.onvoid.webrtc.media.MediaStreamTrack t = source.nativeTrack();
    try {
      if (t instanceof VideoTrack video && nativeVideo != null) {
        video.removeSink(nativeVideo);
      } else if (t instanceof AudioTrack audio && nativeAudio != null) {
        AudioTrackSink n = nativeAudio;
        AudioPump.notWhilePushing(() -> audio.removeSink(n));
      }
    } catch (RuntimeException | Error e) {
      LOG.debug("Removing a native sink failed", e);
    }
    nativeVideo = null;
    nativeAudio = null;
    BY_SOURCE.remove(source, this);
  }

  private void onNative(dev.onvoid.webrtc.media.video.VideoFrame nativeFrame) {
    // Stamped first, on the clock AudioData uses: recorders put video and audio on one timeline.
    long arrival = System.nanoTime();
    // webrtc-java hands each sink its own native copy: it must be released exactly once.
    I420Buffer b = nativeFrame.buffer.toI420();
    VideoFrame frame =
        new VideoFrame(
            b.getWidth(),
            b.getHeight(),
            b.getDataY(),
            b.getStrideY(),
            b.getDataU(),
            b.getStrideU(),
            b.getDataV(),
            b.getStrideV(),
            nativeFrame.rotation,
            nativeFrame.timestampNs / 1000,
            arrival,
            nativeFrame::release);
    if (videoSinks.isEmpty()) {
      frame.release();
      return;
    }
    Runnable task = new Delivery(frame, () -> deliver(frame));
    while (!offer(task)) {
      Runnable dropped = work.poll();
      if (dropped instanceof Delivery d) {
        d.frame.release();
      }
    }
  }

  /** A queued video frame, so that a dropped one can be released. */
  private record Delivery(VideoFrame frame, Runnable body) implements Runnable {
    @Override
    public void run() {
      body.run();
    }
  }

  private boolean offer(Runnable task) {
    Runnable r = task;
    try {
      thread.execute(r);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private void deliver(VideoFrame frame) {
    try {
      for (VideoSink sink : videoSinks) {
        try {
          sink.onFrame(frame);
        } catch (Throwable t) { // NOPMD: a sink must not stop the others
          LOG.warn("Video sink {} threw", sink, t);
        }
      }
    } finally {
      frame.release();
    }
  }

  private void onNative(byte[] data, int bits, int rate, int channels, int frames) {
    if (audioSinks.isEmpty() || bits != 16) {
      return;
    }
    short[] samples = new short[frames * channels];
    ByteBuffer.wrap(data)
        .order(ByteOrder.nativeOrder())
        .asShortBuffer()
        .get(samples, 0, Math.min(samples.length, data.length / 2));
    AudioData chunk = new AudioData(samples, rate, channels, frames, System.nanoTime());
    if (!offer(() -> deliver(chunk))) {
      LOG.debug("Audio sink queue full: dropping 10 ms");
    }
  }

  private void deliver(AudioData chunk) {
    for (AudioSink sink : audioSinks) {
      try {
        sink.onData(chunk);
      } catch (Throwable t) { // NOPMD: a sink must not stop the others
        LOG.warn("Audio sink {} threw", sink, t);
      }
    }
  }

  /**
   * Takes this source's sinks off its native track, keeping the Java sinks: the connection that
   * owns the track is about to release it (a later removal then has nothing native to do).
   */
  public static void detachSource(TrackSource source) {
    SinkDispatcher d = BY_SOURCE.get(source);
    if (d != null) {
      synchronized (d) {
        d.detach();
      }
    }
  }

  /** Shuts the media thread down (engine shutdown); queued frames are released. */
  public static void shutdownAll() {
    for (SinkDispatcher d : BY_SOURCE.values()) {
      synchronized (d) {
        d.videoSinks.clear();
        d.audioSinks.clear();
        d.detach();
      }
      for (Runnable r : d.work.toArray(new Runnable[0])) {
        if (d.work.remove(r) && r instanceof Delivery del) {
          del.frame.release();
        }
      }
    }
  }

  ExecutorService executor() {
    return thread;
  }
}

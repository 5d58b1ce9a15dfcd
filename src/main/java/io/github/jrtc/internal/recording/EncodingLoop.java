package io.github.jrtc.internal.recording;

import io.github.jrtc.media.AudioData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * The encoding thread's work: waits for the first media to fix the timeline's origin and the
 * streams' parameters, then turns every frame and audio chunk into packets in one interleaving
 * muxer.
 *
 * <p>Timing: video pts are arrival times on the {@link MediaClock} (ms, strictly increasing,
 * variable frame rate kept); audio pts count samples at 48 kHz, kept on the same clock by {@link
 * AudioAlignment} (silence for lost audio, input dropped when it runs ahead), so audio never drifts
 * from video.
 */
final class EncodingLoop implements AutoCloseable {
  /** How long to wait for the other kind's first media before starting without it. */
  static final long START_WAIT_NANOS = 1_000_000_000L;

  private static final int DEFAULT_WIDTH = 640;
  private static final int DEFAULT_HEIGHT = 480;

  private final RecordingConfig config;
  private final boolean hasVideo;
  private final boolean hasAudio;
  private final Path file;
  private final boolean seekable;
  private final MediaQueue queue;
  private final BlobOutput output;
  private final Timeline timeline = new Timeline();
  private final AudioAlignment alignment = new AudioAlignment();
  private final List<MediaItem> pending = new ArrayList<>();
  private long firstPendingNanos = -1;
  private Muxer muxer;
  private VideoEncoder video;
  private AudioEncoder audio;
  private AVStream videoStream;
  private AVStream audioStream;
  private volatile long droppedVideo;
  private volatile long silenceSamples;
  private boolean paused;

  EncodingLoop(
      RecordingConfig config,
      boolean hasVideo,
      boolean hasAudio,
      Path file,
      boolean seekable,
      MediaQueue queue,
      BlobOutput output) {
    this.config = config;
    this.hasVideo = hasVideo;
    this.hasAudio = hasAudio;
    this.file = file;
    this.seekable = seekable;
    this.queue = queue;
    this.output = output;
  }

  long droppedVideoFrames() {
    return droppedVideo;
  }

  long insertedSilenceMillis() {
    return silenceSamples * 1000 / AudioEncoder.RATE;
  }

  void run() throws InterruptedException {
    while (true) {
      MediaItem item = queue.poll(20);
      if (muxer == null) {
        if (item instanceof MediaItem.Finish) {
          if (!pending.isEmpty()) {
            open();
          }
          break;
        }
        if (item != null) {
          hold(item);
        }
        if (readyToOpen()) {
          open();
        }
        continue;
      }
      if (item instanceof MediaItem.Finish) {
        break;
      }
      if (item != null) {
        handle(item);
      }
    }
    end();
  }

  private void hold(MediaItem item) {
    if (item instanceof MediaItem.Pause || item instanceof MediaItem.Resume) {
      // Before the origin there is no timeline to stop; the sinks gather nothing while paused.
      return;
    }
    if (firstPendingNanos < 0) {
      firstPendingNanos = MediaClock.nanos();
    }
    pending.add(item);
    if (pending.size() > MediaQueue.MAX_AUDIO + MediaQueue.MAX_VIDEO) {
      release(pending.remove(0));
    }
  }

  private boolean readyToOpen() {
    if (pending.isEmpty()) {
      return false;
    }
    boolean sawVideo = pending.stream().anyMatch(i -> i instanceof MediaItem.Video);
    boolean sawAudio = pending.stream().anyMatch(i -> i instanceof MediaItem.Audio);
    return ((sawVideo || !hasVideo) && (sawAudio || !hasAudio))
        || MediaClock.nanos() - firstPendingNanos > START_WAIT_NANOS;
  }

  /** Fixes the origin and the streams from what has arrived, writes the header, replays. */
  private void open() {
    MediaItem.Video firstVideo = null;
    AudioData firstAudio = null;
    for (MediaItem i : pending) {
      if (i instanceof MediaItem.Video v && firstVideo == null) {
        firstVideo = v;
      } else if (i instanceof MediaItem.Audio a && firstAudio == null) {
        firstAudio = a.data();
      }
    }
    long origin = firstVideo != null ? firstVideo.arrivalNanos() : audioStart(firstAudio);
    timeline.start(origin);
    muxer = new Muxer(config.format(), file, seekable);
    boolean global = muxer.needsGlobalHeader();
    if (hasVideo && config.format().videoEncoder() != null) {
      int w = firstVideo != null ? UprightI420.width(firstVideo.frame()) : DEFAULT_WIDTH;
      int h = firstVideo != null ? UprightI420.height(firstVideo.frame()) : DEFAULT_HEIGHT;
      video =
          new VideoEncoder(
              config.format().videoEncoder(),
              w,
              h,
              config.videoBitsPerSecond(),
              config.keyFrames(),
              global);
      videoStream = muxer.addStream(video.context());
    }
    if (hasAudio && config.format().audioEncoder() != null) {
      int channels = firstAudio != null ? firstAudio.channels() : 1;
      audio =
          new AudioEncoder(
              config.format().audioEncoder(),
              channels,
              config.audioBitsPerSecond(),
              config.constantAudioBitrate(),
              global);
      audioStream = muxer.addStream(audio.context());
    }
    muxer.start();
    List<MediaItem> replay = new ArrayList<>(pending);
    pending.clear();
    for (MediaItem i : replay) {
      handle(i);
    }
  }

  private static long audioStart(AudioData d) {
    return d.timestampNanos() - (long) d.frames() * 1_000_000_000L / d.sampleRate();
  }

  private void handle(MediaItem item) {
    if (item instanceof MediaItem.Video v) {
      try {
        onVideo(v);
      } finally {
        v.frame().release();
      }
    } else if (item instanceof MediaItem.Audio a) {
      onAudio(a.data());
    } else if (item instanceof MediaItem.Pause p) {
      timeline.pause(p.nanos());
      paused = true;
    } else if (item instanceof MediaItem.Resume r) {
      timeline.resume(r.nanos());
      paused = false;
    }
  }

  private void onVideo(MediaItem.Video v) {
    if (video == null || paused) {
      return;
    }
    long media = timeline.mediaNanos(v.arrivalNanos());
    if (media < 0) {
      droppedVideo++;
      return;
    }
    video.encode(v.frame(), media / 1_000_000, this::writeVideo);
  }

  private void onAudio(AudioData d) {
    if (audio == null || paused || d.sampleRate() <= 0 || d.channels() <= 0) {
      return;
    }
    long startNanos = timeline.mediaNanos(audioStart(d));
    int skip = 0;
    if (startNanos < 0) {
      // Starts before the origin: keep only the part after it.
      skip = (int) ((-startNanos * d.sampleRate() + 999_999_999L) / 1_000_000_000L);
      if (skip >= d.frames()) {
        return;
      }
      startNanos = 0;
    }
    long expected = startNanos * AudioEncoder.RATE / 1_000_000_000L;
    long correction = alignment.correction(expected, audio.position());
    if (correction > 0) {
      audio.writeSilence(correction);
      silenceSamples += correction;
    } else if (correction < 0) {
      // Ahead of the clock: leave out as much of this chunk's start.
      skip += (int) Math.min(d.frames() - skip, -correction * d.sampleRate() / AudioEncoder.RATE);
      if (skip >= d.frames()) {
        return;
      }
    }
    audio.write(d.samples(), skip, d.frames() - skip, d.sampleRate(), d.channels());
    audio.drain(this::writeAudio, false);
  }

  private void writeVideo(AVPacket packet, AVRational tb) {
    output.packetWritten(packet.pts() * 1000L * tb.num() / tb.den());
    muxer.write(packet, tb, videoStream);
  }

  private void writeAudio(AVPacket packet, AVRational tb) {
    output.packetWritten(packet.pts() * 1000L * tb.num() / tb.den());
    muxer.write(packet, tb, audioStream);
  }

  private void end() {
    if (muxer == null) {
      return;
    }
    if (video != null) {
      video.flush(this::writeVideo);
    }
    if (audio != null) {
      // Audio ends with the video: pad to the last frame's time if it stopped early.
      if (video != null && video.lastPtsMillis() >= 0) {
        long target = (video.lastPtsMillis() + 33) * AudioEncoder.RATE / 1000;
        long gap = target - audio.position();
        if (gap > AudioAlignment.THRESHOLD) {
          audio.writeSilence(gap);
          silenceSamples += gap;
        }
      }
      audio.drain(this::writeAudio, true);
    }
    muxer.finish();
  }

  private static void release(MediaItem item) {
    if (item instanceof MediaItem.Video v) {
      v.frame().release();
    }
  }

  @Override
  public void close() {
    for (MediaItem i : pending) {
      release(i);
    }
    pending.clear();
    if (video != null) {
      video.close();
    }
    if (audio != null) {
      audio.close();
    }
    if (muxer != null) {
      muxer.close();
    }
  }
}

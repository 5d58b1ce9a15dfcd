package io.github.jrtc;

import io.github.jrtc.internal.loop.EventThreads;
import io.github.jrtc.internal.loop.SerialEventQueue;
import io.github.jrtc.internal.recording.EncoderSupport;
import io.github.jrtc.internal.recording.FfmpegAvailability;
import io.github.jrtc.internal.recording.RecordingConfig;
import io.github.jrtc.internal.recording.RecordingFormat;
import io.github.jrtc.internal.recording.RecordingSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MDN's {@code MediaRecorder}: records a {@link MediaStream}'s audio and video to WebM or MP4.
 *
 * <pre>{@code
 * var rec = new MediaRecorder(stream, MediaRecorderOptions.builder().mimeType("video/webm;codecs=vp8,opus").build());
 * rec.ondataavailable(e -> chunks.add(e.data()));
 * rec.start(1000);   // a Blob about every second; the blobs concatenated are the file
 * ...
 * rec.stop();        // a last dataavailable, then stop
 *
 * try (var rec = MediaRecorder.toFile(stream, Path.of("call.webm"), options)) { ... }
 * }</pre>
 *
 * As in the spec, {@code start}/{@code stop}/{@code pause}/{@code resume} change {@link #state()}
 * at once and fire their events later. Every event runs on this recorder's own serial queue, never
 * on a media or native thread. Encoding runs on one thread per recording, off the media threads;
 * when it falls behind, frames are dropped ({@link #droppedVideoFrames()}) rather than a sink
 * blocked.
 *
 * <p>Timing: video and audio are stamped when they arrive, on one monotonic clock; video keeps its
 * variable frame rate; audio is resampled to 48 kHz and gaps are filled with silence ({@link
 * #insertedSilenceMillis()}), so they stay in sync. Pause and resume leave no gap in the file. A
 * frame of another size than the first is scaled to fit the first size, keeping its aspect ratio.
 * Files are written as they go and survive a crash up to the last second: WebM in clusters of at
 * most a second, MP4 fragmented with a key frame every second.
 *
 * <p>Needs FFmpeg: the optional {@code org.bytedeco:ffmpeg} and {@code org.bytedeco:javacpp}
 * dependencies with their platform natives. Without them {@link #isTypeSupported} is false and the
 * constructor throws NotSupportedError.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaRecorder">MDN</a>.
 */
public final class MediaRecorder extends EventTarget implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MediaRecorder.class);

  /** Defaults when the options give no bitrate (what browsers use). */
  static final long DEFAULT_VIDEO_BITS_PER_SECOND = 2_500_000;

  static final long DEFAULT_AUDIO_BITS_PER_SECOND = 128_000;

  /** The smallest timeslice, as the spec lets a user agent impose. */
  static final long MIN_TIMESLICE_MILLIS = 100;

  private static final long WATCH_MILLIS = 100;
  private static final long CLOSE_WAIT_SECONDS = 30;

  private static final ScheduledExecutorService TIMERS =
      Executors.newSingleThreadScheduledExecutor(
          EventThreads.daemonFactory("jrtc-recorder-timer-"));

  private final MediaStream stream;
  private final String constrainedMimeType;
  private final Long constrainedBitsPerSecond;
  private final Double keyFrameIntervalDuration;
  private final Long keyFrameIntervalCount;
  private final BitrateMode audioBitrateMode;
  private final Long optionVideoBits;
  private final Long optionAudioBits;
  private final Path file;
  private final SerialEventQueue queue = new SerialEventQueue("MediaRecorder");
  private final Object lock = new Object();
  private volatile RecordingState state = RecordingState.INACTIVE;
  private volatile String mimeType;
  private volatile long videoBitsPerSecond;
  private volatile long audioBitsPerSecond;
  private Run current; // guarded by lock
  private volatile Run last;

  /** One start-to-stop recording. */
  private static final class Run {
    final String fullType;
    RecordingSession session;
    DOMException error; // guarded by the recorder's lock
    boolean done; // guarded by this
    ScheduledFuture<?> sliceTimer;
    ScheduledFuture<?> watchTimer;
    final CompletableFuture<Void> fileDone = new CompletableFuture<>();

    Run(String fullType) {
      this.fullType = fullType;
    }
  }

  /**
   * Records {@code stream} with the type and bitrates the recorder chooses; recording begins at
   * {@link #start()}.
   *
   * @param stream the stream to record
   * @throws TypeError if {@code stream} is null
   * @throws DOMException NotSupportedError if FFmpeg is not on the class path
   */
  public MediaRecorder(MediaStream stream) {
    this(stream, MediaRecorderOptions.defaults());
  }

  /**
   * Records {@code stream} as {@code options} ask; recording begins at {@link #start()}.
   *
   * @param stream the stream to record
   * @param options the type, bitrates and key-frame interval; null means {@link
   *     MediaRecorderOptions#defaults()}
   * @throws TypeError if {@code stream} is null
   * @throws DOMException NotSupportedError if {@link #isTypeSupported} refuses {@code mimeType}
   *     (always when FFmpeg is not on the class path; the message names the artifacts)
   */
  public MediaRecorder(MediaStream stream, MediaRecorderOptions options) {
    this(stream, options, null);
  }

  private MediaRecorder(MediaStream stream, MediaRecorderOptions options, Path file) {
    if (stream == null) {
      throw new TypeError("MediaRecorder needs a MediaStream");
    }
    MediaRecorderOptions o = options == null ? MediaRecorderOptions.defaults() : options;
    String problem = FfmpegAvailability.problem();
    if (problem != null) {
      throw notSupported("MediaRecorder cannot record: " + problem);
    }
    if (!isTypeSupported(o.mimeType())) {
      throw notSupported("MediaRecorder cannot record the type '" + o.mimeType() + "'");
    }
    this.stream = stream;
    this.file = file;
    this.constrainedMimeType = o.mimeType();
    this.constrainedBitsPerSecond = o.bitsPerSecond();
    this.keyFrameIntervalDuration = o.videoKeyFrameIntervalDuration();
    this.keyFrameIntervalCount = o.videoKeyFrameIntervalCount();
    this.audioBitrateMode = o.audioBitrateMode();
    this.optionVideoBits = o.videoBitsPerSecond();
    this.optionAudioBits = o.audioBitsPerSecond();
    this.mimeType = constrainedMimeType;
    initialBitrates(true, true);
  }

  /**
   * A recorder that is already recording into {@code path}, writing it as it goes; {@link #stop()}
   * or {@link #close()} finish it. With an empty mimeType the type follows the file name ({@code
   * .mp4}: MP4, else WebM). Its {@code dataavailable} events carry empty blobs: the data is in the
   * file. It has started when this returns, so its {@code start} event may already have fired.
   *
   * @param stream the stream to record
   * @param path the file to write; created or emptied, its directory must exist
   * @param options the type, bitrates and key-frame interval; null means {@link
   *     MediaRecorderOptions#defaults()}
   * @return the recorder, in the recording state
   * @throws IOException if the file cannot be created
   * @throws TypeError if {@code stream} or {@code path} is null
   * @throws DOMException NotSupportedError as for the constructor, or as {@link #start(long)}
   *     throws it
   */
  public static MediaRecorder toFile(MediaStream stream, Path path, MediaRecorderOptions options)
      throws IOException {
    if (path == null) {
      throw new TypeError("toFile needs a path");
    }
    MediaRecorderOptions o = options == null ? MediaRecorderOptions.defaults() : options;
    if (o.mimeType().isEmpty()
        && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mp4")) {
      o =
          new MediaRecorderOptions(
              stream != null && !stream.getVideoTracks().isEmpty() ? "video/mp4" : "audio/mp4",
              o.audioBitsPerSecond(),
              o.videoBitsPerSecond(),
              o.bitsPerSecond(),
              o.audioBitrateMode(),
              o.videoKeyFrameIntervalDuration(),
              o.videoKeyFrameIntervalCount());
    }
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new NoSuchFileException(parent.toString(), null, "no such directory");
    }
    // Creates (or empties) the file now, so that a path that cannot be written fails here.
    Files.write(path, new byte[0]);
    MediaRecorder r = new MediaRecorder(stream, o, path.toAbsolutePath());
    r.start();
    return r;
  }

  /**
   * Whether a recorder can record {@code type} (the spec's "is type supported"): WebM with vp8, vp9
   * and opus; MP4 with avc1 and mp4a.40.2 or opus; "" (the recorder picks). False for every type
   * when FFmpeg is missing.
   *
   * @param type a MIME type with optional codecs, e.g. {@code "video/webm;codecs=vp8,opus"}
   * @return true if a recorder can be constructed with that type; false for null
   */
  public static boolean isTypeSupported(String type) {
    if (type == null || !FfmpegAvailability.available()) {
      return false;
    }
    if (type.isEmpty()) {
      return true;
    }
    return RecordingFormat.parse(type).map(EncoderSupport::canEncode).orElse(false);
  }

  // ------------------------------------------------------------------ attributes

  /**
   * The stream being recorded, as given at construction.
   *
   * @return the recorded stream
   */
  public MediaStream stream() {
    return stream;
  }

  /**
   * The type: as constructed until recording starts, then the full type with codecs.
   *
   * @return the MIME type, e.g. {@code "video/webm;codecs=vp8,opus"}; {@code ""} before the first
   *     start when none was asked for
   */
  public String mimeType() {
    return mimeType;
  }

  /**
   * Whether the recorder is inactive, recording or paused; changed at once by {@code start}, {@code
   * stop}, {@code pause} and {@code resume}.
   *
   * @return the current state
   */
  public RecordingState state() {
    return state;
  }

  /**
   * The video bitrate the encoder is given: the option's, a share of {@code bitsPerSecond}, or 2.5
   * Mbit/s by default.
   *
   * @return the target video bitrate in bits per second
   */
  public long videoBitsPerSecond() {
    return videoBitsPerSecond;
  }

  /**
   * The audio bitrate the encoder is given: the option's, a share of {@code bitsPerSecond}, or 128
   * kbit/s by default.
   *
   * @return the target audio bitrate in bits per second
   */
  public long audioBitsPerSecond() {
    return audioBitsPerSecond;
  }

  /**
   * Whether audio is encoded at a constant or variable bitrate, from the options.
   *
   * @return the audio bitrate mode; {@link BitrateMode#VARIABLE} unless asked otherwise
   */
  public BitrateMode audioBitrateMode() {
    return audioBitrateMode;
  }

  /**
   * Frames not recorded because the encoder fell behind (not in the spec; for operators).
   *
   * @return the count for the current or last recording; 0 before the first start
   */
  public long droppedVideoFrames() {
    Run r = last;
    return r == null || r.session == null ? 0 : r.session.droppedVideoFrames();
  }

  /**
   * Silence written where audio was missing, to keep it in sync (not in the spec).
   *
   * @return milliseconds of silence in the current or last recording; 0 before the first start
   */
  public long insertedSilenceMillis() {
    Run r = last;
    return r == null || r.session == null ? 0 : r.session.insertedSilenceMillis();
  }

  // ------------------------------------------------------------------ methods

  /** Starts recording into one blob, delivered at {@link #stop()} or {@link #requestData()}. */
  public void start() {
    start(0);
  }

  /**
   * Starts recording; with {@code timeslice} > 0 a blob is delivered about every {@code timeslice}
   * milliseconds (at least {@value #MIN_TIMESLICE_MILLIS}).
   *
   * @param timeslice milliseconds between blobs; 0 or less for one blob at {@link #stop()} or
   *     {@link #requestData()}
   * @throws DOMException InvalidStateError if not inactive; NotSupportedError if the stream has no
   *     live track, both key frame intervals were given, or the type cannot hold its tracks
   */
  public void start(long timeslice) {
    synchronized (lock) {
      if (state != RecordingState.INACTIVE) {
        throw invalidState("start() needs an inactive recorder; it is " + state);
      }
      List<MediaStreamTrack> tracks =
          stream.getTracks().stream()
              .filter(t -> t.readyState() == MediaStreamTrackState.LIVE)
              .toList();
      if (tracks.isEmpty()) {
        throw notSupported("The stream is inactive: it has no live track to record");
      }
      if (keyFrameIntervalDuration != null && keyFrameIntervalCount != null) {
        throw notSupported(
            "videoKeyFrameIntervalDuration and videoKeyFrameIntervalCount cannot both be given");
      }
      boolean hasVideo = tracks.stream().anyMatch(t -> t.kind().equals("video"));
      boolean hasAudio = tracks.stream().anyMatch(t -> t.kind().equals("audio"));
      RecordingFormat base =
          constrainedMimeType.isEmpty()
              ? RecordingFormat.defaultFor(hasVideo)
              : RecordingFormat.parse(constrainedMimeType).orElseThrow();
      RecordingFormat format =
          base.complete(hasVideo, hasAudio)
              .filter(EncoderSupport::canEncode)
              .orElseThrow(
                  () ->
                      notSupported(
                          "'"
                              + base.mimeType()
                              + "' cannot record "
                              + (hasVideo && hasAudio
                                  ? "video and audio"
                                  : hasVideo ? "video" : "audio")));
      if (constrainedBitsPerSecond != null) {
        splitBitrate(hasVideo, hasAudio);
      }
      RecordingConfig config =
          new RecordingConfig(
              format,
              videoBitsPerSecond,
              audioBitsPerSecond,
              audioBitrateMode == BitrateMode.CONSTANT,
              keyFrameIntervalDuration,
              keyFrameIntervalCount);
      Run run = new Run(format.mimeType());
      try {
        run.session =
            RecordingSession.start(
                config, tracks.stream().map(MediaStreamTrack::source).toList(), file);
      } catch (IOException | RuntimeException e) {
        throw new DOMException("Recording could not start: " + e.getMessage(), "UnknownError");
      }
      state = RecordingState.RECORDING;
      current = run;
      last = run;
      var unused =
          run.session
              .ended()
              .thenAccept(failure -> ended(run, failure))
              .exceptionally(
                  t -> {
                    LOG.warn("Ending a recording failed", t);
                    return null;
                  });
      List<MediaStreamTrack> trackSet = List.copyOf(stream.getTracks());
      run.watchTimer =
          TIMERS.scheduleWithFixedDelay(
              () -> watch(run, trackSet), WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
      if (timeslice > 0) {
        long period = Math.max(timeslice, MIN_TIMESLICE_MILLIS);
        run.sliceTimer =
            TIMERS.scheduleAtFixedRate(
                () -> slice(run, false), period, period, TimeUnit.MILLISECONDS);
      }
      queue.execute(
          () -> {
            synchronized (lock) {
              if (current == run) {
                mimeType = run.fullType;
              }
            }
            dispatchEvent(new Event("start"));
          });
    }
  }

  /** Stops recording: a last {@code dataavailable}, then {@code stop}. No effect when inactive. */
  public void stop() {
    synchronized (lock) {
      if (state == RecordingState.INACTIVE || current == null) {
        return;
      }
      Run run = current;
      inactivate();
      run.session.finish();
    }
  }

  /**
   * @throws DOMException InvalidStateError when inactive
   */
  public void pause() {
    synchronized (lock) {
      if (state == RecordingState.INACTIVE) {
        throw invalidState("pause() needs a started recorder");
      }
      if (state == RecordingState.PAUSED) {
        return;
      }
      state = RecordingState.PAUSED;
      current.session.pause();
      queue.execute(() -> dispatchEvent(new Event("pause")));
    }
  }

  /**
   * @throws DOMException InvalidStateError when inactive
   */
  public void resume() {
    synchronized (lock) {
      if (state == RecordingState.INACTIVE) {
        throw invalidState("resume() needs a started recorder");
      }
      if (state == RecordingState.RECORDING) {
        return;
      }
      state = RecordingState.RECORDING;
      current.session.resume();
      queue.execute(() -> dispatchEvent(new Event("resume")));
    }
  }

  /**
   * Delivers what was recorded since the last blob in a {@code dataavailable} event, and starts a
   * new blob.
   *
   * @throws DOMException InvalidStateError when inactive
   */
  public void requestData() {
    Run run;
    synchronized (lock) {
      if (state == RecordingState.INACTIVE) {
        throw invalidState("requestData() needs a started recorder");
      }
      run = current;
    }
    slice(run, true);
  }

  /** Stops recording (if recording) and waits until the file or last blob is complete. */
  @Override
  public void close() {
    Run run;
    synchronized (lock) {
      run = current;
    }
    stop();
    if (run != null) {
      try {
        run.fileDone.get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        LOG.warn("The recording did not finish within {} s", CLOSE_WAIT_SECONDS, e);
      }
    }
  }

  // ------------------------------------------------------------------ handlers

  /**
   * Sets the {@code onstart} handler: it runs for each {@code "start"} event, on this recorder's
   * event queue. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onstart(EventHandler<Event> handler) {
    setEventHandler("start", handler);
  }

  /**
   * Sets the {@code onstop} handler: it runs for each {@code "stop"} event, on this recorder's
   * event queue. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onstop(EventHandler<Event> handler) {
    setEventHandler("stop", handler);
  }

  /**
   * Sets the {@code ondataavailable} handler: it runs for each {@code "dataavailable"} event, on
   * this recorder's event queue. Replaces the previous handler, as assignment does in JS; null
   * removes it.
   *
   * @param handler the handler, or null
   */
  public void ondataavailable(EventHandler<BlobEvent> handler) {
    setEventHandler("dataavailable", handler);
  }

  /**
   * Sets the {@code onpause} handler: it runs for each {@code "pause"} event, on this recorder's
   * event queue. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onpause(EventHandler<Event> handler) {
    setEventHandler("pause", handler);
  }

  /**
   * Sets the {@code onresume} handler: it runs for each {@code "resume"} event, on this recorder's
   * event queue. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onresume(EventHandler<Event> handler) {
    setEventHandler("resume", handler);
  }

  /**
   * Sets the {@code onerror} handler: it runs for each {@code "error"} event, on this recorder's
   * event queue. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onerror(EventHandler<ErrorEvent> handler) {
    setEventHandler("error", handler);
  }

  // ------------------------------------------------------------------ internals

  /** The spec's "inactivate the recorder" (under lock). */
  private void inactivate() {
    Run run = current;
    mimeType = constrainedMimeType;
    state = RecordingState.INACTIVE;
    current = null;
    if (constrainedBitsPerSecond != null) {
      initialBitrates(true, true);
    }
    if (run != null) {
      cancel(run.sliceTimer);
      cancel(run.watchTimer);
    }
  }

  private static void cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  /** Every {@value #WATCH_MILLIS} ms: the spec's track-set and all-tracks-ended rules. */
  private void watch(Run run, List<MediaStreamTrack> trackSet) {
    synchronized (lock) {
      if (current != run) {
        return;
      }
      List<MediaStreamTrack> now = stream.getTracks();
      if (!sameTracks(now, trackSet)) {
        run.error =
            new DOMException(
                "A track was added to or removed from the recorded stream",
                "InvalidModificationError");
      } else if (!trackSet.stream().allMatch(t -> t.readyState() == MediaStreamTrackState.ENDED)) {
        return;
      }
      inactivate();
      run.session.finish();
    }
  }

  private static boolean sameTracks(List<MediaStreamTrack> a, List<MediaStreamTrack> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (MediaStreamTrack t : a) {
      if (b.stream().noneMatch(x -> x == t)) {
        return false;
      }
    }
    return true;
  }

  /** Takes what was recorded since the last blob and queues its dataavailable. */
  private void slice(Run run, boolean evenIfEmpty) {
    synchronized (run) {
      if (run.done) {
        return;
      }
      try {
        var chunk = run.session.take();
        if (chunk.bytes().length == 0 && !evenIfEmpty) {
          return;
        }
        Blob blob = new Blob(chunk.bytes(), run.fullType);
        queue.execute(() -> dispatchEvent(new BlobEvent("dataavailable", blob, chunk.timecode())));
      } catch (IOException e) {
        LOG.warn("Reading the recording failed", e);
      }
    }
  }

  /** The session's file is complete (stopped, or failed): error?, dataavailable, stop. */
  private void ended(Run run, String failure) {
    DOMException error;
    synchronized (lock) {
      if (current == run) {
        // Not stopped by us: the recording failed on its own.
        inactivate();
      }
      error = run.error;
    }
    if (error == null && failure != null) {
      error = new DOMException("Recording failed: " + failure, "UnknownError");
    }
    run.fileDone.complete(null);
    Blob blob;
    double timecode = 0;
    synchronized (run) {
      byte[] bytes = new byte[0];
      try {
        var chunk = run.session.take();
        bytes = chunk.bytes();
        timecode = chunk.timecode();
      } catch (IOException e) {
        LOG.warn("Reading the end of the recording failed", e);
      }
      run.done = true;
      run.session.release();
      blob = new Blob(bytes, run.fullType);
    }
    DOMException e = error;
    double tc = timecode;
    queue.execute(
        () -> {
          if (e != null) {
            dispatchEvent(new ErrorEvent("error", e));
          }
          dispatchEvent(new BlobEvent("dataavailable", blob, tc));
          dispatchEvent(new Event("stop"));
        });
  }

  private void initialBitrates(boolean video, boolean audio) {
    videoBitsPerSecond = optionVideoBits != null ? optionVideoBits : DEFAULT_VIDEO_BITS_PER_SECOND;
    audioBitsPerSecond = optionAudioBits != null ? optionAudioBits : DEFAULT_AUDIO_BITS_PER_SECOND;
    if (constrainedBitsPerSecond != null) {
      splitBitrate(video, audio);
    }
  }

  /** Shares bitsPerSecond: audio a tenth (32 to 128 kbit/s), video the rest. */
  private void splitBitrate(boolean video, boolean audio) {
    long total = constrainedBitsPerSecond;
    if (!video) {
      audioBitsPerSecond = total;
      return;
    }
    long a = Math.max(32_000, Math.min(DEFAULT_AUDIO_BITS_PER_SECOND, total / 10));
    audioBitsPerSecond = a;
    videoBitsPerSecond = Math.max(100_000, audio ? total - a : total);
  }

  private static DOMException notSupported(String message) {
    return new DOMException(message, "NotSupportedError");
  }

  private static DOMException invalidState(String message) {
    return new DOMException(message, "InvalidStateError");
  }

  @Override
  public String toString() {
    return "MediaRecorder[" + state + ", " + mimeType + "]";
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.media.AudioLevels;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrameSource;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MediaRecorder on local Java sources (a moving bar at 640x480@30 and a 440 Hz tone), checked with
 * the ffprobe/ffmpeg bundled in FFmpeg's natives jar.
 */
class MediaRecorderIT {
  private static final String WEBM = "video/webm;codecs=vp8,opus";

  @TempDir Path dir;
  private VideoFrameSource video;
  private AudioSampleSource audio;
  private FramePump frames;
  private ToneFeeder tone;
  private MediaStream stream;
  private final List<String> events = new CopyOnWriteArrayList<>();
  private final List<Blob> blobs = new CopyOnWriteArrayList<>();
  private final List<Double> timecodes = new CopyOnWriteArrayList<>();

  @BeforeEach
  void sources() {
    video = new VideoFrameSource(30);
    audio = new AudioSampleSource(48000, 1);
    frames = FramePump.movingBar(video, 640, 480, 30);
    tone = ToneFeeder.start(audio, 440);
    stream = new MediaStream(List.of(video.track(), audio.track()));
  }

  @AfterEach
  void stopSources() {
    frames.close();
    tone.close();
    video.close();
    audio.close();
    for (MediaStreamTrack t : stream.getTracks()) {
      t.stop();
    }
  }

  private void listen(MediaRecorder r) {
    for (String type : List.of("start", "stop", "pause", "resume", "error")) {
      r.addEventListener(
          type,
          (Event e) ->
              events.add(
                  e.type()
                      + (e instanceof ErrorEvent ee ? ":" + ee.error().name() : "")
                      + "@"
                      + Thread.currentThread().getName()));
    }
    r.ondataavailable(
        e -> {
          events.add("dataavailable@" + Thread.currentThread().getName());
          blobs.add(e.data());
          timecodes.add(e.timecode());
        });
  }

  private List<String> eventTypes() {
    return events.stream().map(s -> s.substring(0, s.indexOf('@'))).toList();
  }

  private void awaitStop() {
    await().atMost(Duration.ofSeconds(30)).until(() -> eventTypes().contains("stop"));
  }

  @Test
  void toFileRecordsWebmVp8OpusInSync() throws Exception {
    Path file = dir.resolve("call.webm");
    MediaRecorder rec =
        MediaRecorder.toFile(stream, file, MediaRecorderOptions.builder().mimeType(WEBM).build());
    // The recording time runs from start() (inside toFile) to stop() (inside close()).
    long delivered0 = video.framesDelivered();
    long t0 = System.nanoTime();
    listen(rec);
    assertThat(rec.state()).isEqualTo(RecordingState.RECORDING);
    Thread.sleep(5000);
    long delivered = video.framesDelivered() - delivered0;
    double seconds = (System.nanoTime() - t0) / 1e9;
    rec.close();
    awaitStop();
    assertThat(rec.state()).isEqualTo(RecordingState.INACTIVE);
    // toFile returns a recorder that already started: its start event is queued inside toFile and
    // may run before listen() attached the handlers (a caller cannot register earlier).
    assertThat(eventTypes())
        .isIn(List.of("start", "dataavailable", "stop"), List.of("dataavailable", "stop"));
    assertThat(events).allMatch(e -> e.contains("@jrtc-event-"), "events on the event pool");

    Ffprobe.Result p = Ffprobe.probe(file);
    assertThat(p.video().codec()).isEqualTo("vp8");
    assertThat(p.audio().codec()).isEqualTo("opus");
    assertThat(p.duration())
        .as(p.raw())
        .isCloseTo(seconds, org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(p.video().frames())
        .as("frames vs %d delivered", delivered)
        .isGreaterThanOrEqualTo((long) (0.9 * delivered));
    assertThat(Math.abs(p.video().startTime() - p.audio().startTime())).isLessThan(0.040);
    short[] pcm = Ffprobe.decodeAudio(file);
    assertThat(pcm.length / 48000.0)
        .isCloseTo(seconds, org.assertj.core.data.Percentage.withPercentage(5));
    assertThat(AudioLevels.rms(pcm)).as("tone level").isGreaterThan(0.2);
    assertThat(rec.droppedVideoFrames()).isZero();
  }

  @Test
  void audioAndVideoStayInSyncAsTheyArrived() throws Exception {
    frames.close();
    tone.close();
    try (VideoFrameSource v = new VideoFrameSource(30);
        AudioSampleSource a = new AudioSampleSource(48000, 1);
        SyncPattern pattern = new SyncPattern(v, a, 320, 240)) {
      MediaStream s = new MediaStream(List.of(v.track(), a.track()));
      Path file = dir.resolve("sync.webm");
      MediaRecorder rec = MediaRecorder.toFile(s, file, MediaRecorderOptions.defaults());
      Thread.sleep(9000);
      rec.close();
      List<Double> arrived = pattern.arrivalOffsets();
      List<Double> recorded = SyncPattern.fileOffsets(file);
      assertThat(recorded).as("onsets in the file").hasSizeGreaterThanOrEqualTo(3);
      double arrival = median(arrived);
      for (double offset : recorded) {
        assertThat(offset - arrival)
            .as("A-V offset in the file %s vs as they arrived %s (ms)", recorded, arrived)
            // The issue's A/V bound (40 ms). Seen here: a constant -26..-35 ms, no drift (see the
            // closing note: possibly one frame of index shift in Ffprobe.frameLuma's mapping).
            .isBetween(-40.0, 40.0);
      }
      v.track().stop();
      a.track().stop();
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    java.util.Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  @Test
  void timesliceBlobsConcatenateIntoAPlayableFile() throws Exception {
    MediaRecorder rec =
        new MediaRecorder(stream, MediaRecorderOptions.builder().mimeType(WEBM).build());
    listen(rec);
    assertThat(rec.mimeType()).isEqualTo(WEBM);
    rec.start(500);
    long delivered0 = video.framesDelivered();
    Thread.sleep(3500);
    long delivered = video.framesDelivered() - delivered0;
    rec.stop();
    assertThat(rec.state()).isEqualTo(RecordingState.INACTIVE);
    awaitStop();
    List<String> types = eventTypes();
    assertThat(types.get(0)).isEqualTo("start");
    assertThat(types.get(types.size() - 1)).isEqualTo("stop");
    assertThat(types.subList(1, types.size() - 1)).allMatch(t -> t.equals("dataavailable"));
    assertThat(blobs.size()).as("blobs").isGreaterThanOrEqualTo(3);
    assertThat(timecodes.get(0)).isZero();
    for (int i = 1; i < timecodes.size(); i++) {
      assertThat(timecodes.get(i)).isGreaterThanOrEqualTo(timecodes.get(i - 1));
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (Blob b : blobs) {
      assertThat(b.type()).isEqualTo(WEBM);
      all.write(b.bytes().join());
    }
    Path file = dir.resolve("blobs.webm");
    Files.write(file, all.toByteArray());
    Ffprobe.Result p = Ffprobe.probe(file);
    assertThat(p.video().codec()).isEqualTo("vp8");
    assertThat(p.audio().codec()).isEqualTo("opus");
    assertThat(p.video().frames()).isGreaterThanOrEqualTo((long) (0.9 * delivered));
    assertThat(AudioLevels.rms(Ffprobe.decodeAudio(file))).isGreaterThan(0.2);
  }

  @Test
  void pauseAndResumeLeaveNoGap() throws Exception {
    MediaRecorder rec =
        new MediaRecorder(stream, MediaRecorderOptions.builder().mimeType(WEBM).build());
    listen(rec);
    rec.start();
    Thread.sleep(2000);
    rec.pause();
    assertThat(rec.state()).isEqualTo(RecordingState.PAUSED);
    rec.pause(); // no effect, no second event
    Thread.sleep(2000);
    rec.resume();
    assertThat(rec.state()).isEqualTo(RecordingState.RECORDING);
    Thread.sleep(2000);
    rec.stop();
    awaitStop();
    assertThat(eventTypes()).containsExactly("start", "pause", "resume", "dataavailable", "stop");
    Path file = dir.resolve("paused.webm");
    Files.write(file, blobs.get(0).toByteArray());
    // Blobs are written as a live stream: no duration in the header, so measure the packets.
    List<Double> times = Ffprobe.packetTimes(file, "v");
    assertThat(times.get(times.size() - 1) - times.get(0)).isBetween(3.6, 4.4);
    double maxGap = 0;
    int at = 0;
    // From 1 s on: the pause was at 2 s; the first second may stall while the JIT and the
    // encoders warm up on a loaded machine, which is not what this test is about.
    for (int i = 1; i < times.size(); i++) {
      if (times.get(i - 1) >= 1.0 && times.get(i) - times.get(i - 1) > maxGap) {
        maxGap = times.get(i) - times.get(i - 1);
        at = i;
      }
    }
    assertThat(maxGap)
        .as("largest gap between video frames, at %.3f s of %s", times.get(at), times)
        .isLessThan(0.2);
    assertThat(Ffprobe.decodeAudio(file).length / 48000.0).isBetween(3.6, 4.4);
  }

  @Test
  void trackSetChangeIsInvalidModificationErrorThenDataThenStop() throws Exception {
    MediaRecorder rec = new MediaRecorder(stream);
    listen(rec);
    rec.start();
    Thread.sleep(1000);
    stream.removeTrack(audio.track());
    awaitStop();
    assertThat(rec.state()).isEqualTo(RecordingState.INACTIVE);
    assertThat(eventTypes())
        .containsExactly("start", "error:InvalidModificationError", "dataavailable", "stop");
    assertThat(blobs.get(0).size()).isGreaterThan(1000);
    // The recorder can record again once inactive (the stream now has video only).
    events.clear();
    rec.start();
    Thread.sleep(500);
    rec.stop();
    awaitStop();
    assertThat(eventTypes()).containsExactly("start", "dataavailable", "stop");
  }

  @Test
  void allTracksEndedStopsTheRecorder() throws Exception {
    MediaRecorder rec = new MediaRecorder(stream);
    listen(rec);
    rec.start();
    Thread.sleep(800);
    for (MediaStreamTrack t : stream.getTracks()) {
      t.stop();
    }
    awaitStop();
    assertThat(eventTypes()).containsExactly("start", "dataavailable", "stop");
    assertThat(rec.state()).isEqualTo(RecordingState.INACTIVE);
  }

  @Test
  void errorsAreTheSpecs() {
    assertThatThrownBy(() -> new MediaRecorder(null)).isInstanceOf(TypeError.class);
    assertThatThrownBy(
            () ->
                new MediaRecorder(
                    stream, MediaRecorderOptions.builder().mimeType("video/ogg").build()))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("NotSupportedError"));
    MediaRecorder rec = new MediaRecorder(stream);
    assertThat(rec.state()).isEqualTo(RecordingState.INACTIVE);
    assertThat(rec.mimeType()).isEmpty();
    for (Runnable call : List.<Runnable>of(rec::pause, rec::resume, rec::requestData)) {
      assertThatThrownBy(call::run)
          .isInstanceOfSatisfying(
              DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidStateError"));
    }
    rec.stop(); // inactive: no effect
    assertThat(events).isEmpty();

    MediaRecorder both =
        new MediaRecorder(
            stream,
            MediaRecorderOptions.builder()
                .videoKeyFrameIntervalCount(30L)
                .videoKeyFrameIntervalDuration(1000.0)
                .build());
    assertThatThrownBy(both::start)
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("NotSupportedError"));
    assertThat(both.state()).isEqualTo(RecordingState.INACTIVE);

    MediaRecorder audioOnlyType =
        new MediaRecorder(stream, MediaRecorderOptions.builder().mimeType("audio/webm").build());
    assertThatThrownBy(audioOnlyType::start)
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("NotSupportedError"));

    MediaStream ended = new MediaStream(List.of(video.track().clone()));
    ended.getTracks().get(0).stop();
    MediaRecorder inactive = new MediaRecorder(ended);
    assertThatThrownBy(inactive::start)
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("NotSupportedError"));

    MediaRecorder twice = new MediaRecorder(stream);
    twice.start();
    try {
      assertThatThrownBy(twice::start)
          .isInstanceOfSatisfying(
              DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidStateError"));
    } finally {
      twice.close();
    }
    assertThat(twice.state()).isEqualTo(RecordingState.INACTIVE);
  }

  @Test
  void requestDataDeliversWhatWasRecordedSoFar() throws Exception {
    MediaRecorder rec = new MediaRecorder(stream);
    listen(rec);
    rec.start();
    Thread.sleep(2500);
    rec.requestData();
    await().atMost(Duration.ofSeconds(10)).until(() -> blobs.size() == 1);
    assertThat(blobs.get(0).size()).isGreaterThan(1000);
    assertThat(rec.mimeType()).isEqualTo(WEBM);
    rec.stop();
    awaitStop();
    assertThat(eventTypes()).containsExactly("start", "dataavailable", "dataavailable", "stop");
    List<byte[]> parts = new ArrayList<>();
    for (Blob b : blobs) {
      parts.add(b.toByteArray());
    }
    Path file = dir.resolve("two.webm");
    try (var out = Files.newOutputStream(file)) {
      for (byte[] part : parts) {
        out.write(part);
      }
    }
    assertThat(Ffprobe.probe(file).video().frames()).isGreaterThan(60);
  }
}

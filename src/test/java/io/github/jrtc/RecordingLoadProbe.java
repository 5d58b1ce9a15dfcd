package io.github.jrtc;

import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.media.VideoFrameSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The closing note's load measurement (run by hand, see docs/recording.md): {@code N TYPE SECONDS
 * DIR} records N independent 640x480@30 moving-bar + 440 Hz tone sources at once, each into its own
 * file, for SECONDS; prints this JVM's CPU over the steady part (after a 5 s warm-up) and, per
 * file, frames pushed vs recorded, frame rate, drops and duration. TYPE "none" runs the sources
 * only (the baseline).
 */
public final class RecordingLoadProbe {
  private RecordingLoadProbe() {}

  private record One(
      FramePump pump,
      AtomicLong delivered,
      MediaRecorder rec,
      Path file,
      long[] mark,
      long[] deliveredMark) {}

  public static void main(String[] args) throws Exception {
    ChildJvm.runThenHalt(
        () -> {
          int n = Integer.parseInt(args[0]);
          String type = args[1];
          int seconds = Integer.parseInt(args[2]);
          Path dir = Files.createDirectories(Path.of(args[3]));
          String ext = type.startsWith("video/mp4") ? ".mp4" : ".webm";
          List<One> all = new ArrayList<>();
          long start = System.nanoTime();
          for (int i = 0; i < n; i++) {
            VideoFrameSource video = new VideoFrameSource(30);
            AudioSampleSource audio = new AudioSampleSource(48000, 1);
            FramePump pump = FramePump.movingBar(video, 640, 480, 30);
            ToneFeeder.start(audio, 440);
            // Frames that reach a sink (what a recorder can get): the pump's frames minus what the
            // source pipeline drops under load.
            AtomicLong delivered = new AtomicLong();
            var unused = TrackSinks.addVideoSink(video.track(), f -> delivered.incrementAndGet());
            MediaStream stream = new MediaStream(List.of(video.track(), audio.track()));
            Path file = dir.resolve("rec-" + i + ext);
            MediaRecorder rec =
                type.equals("none")
                    ? null
                    : MediaRecorder.toFile(
                        stream, file, MediaRecorderOptions.builder().mimeType(type).build());
            all.add(
                new One(
                    pump,
                    delivered,
                    rec,
                    file,
                    new long[] {pump.pushed()},
                    new long[] {delivered.get()}));
          }
          Thread.sleep(5000);
          Duration cpu0 = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
          long t0 = System.nanoTime();
          Thread.sleep(Math.max(1, seconds - 5) * 1000L);
          Duration cpu1 = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
          long t1 = System.nanoTime();
          double wall = (t1 - t0) / 1e9;
          double cores = (cpu1.toNanos() - cpu0.toNanos()) / 1e9 / wall;
          long stop = System.nanoTime();
          for (One o : all) {
            o.mark()[0] = o.pump().pushed() - o.mark()[0];
            o.deliveredMark()[0] = o.delivered().get() - o.deliveredMark()[0];
            if (o.rec() != null) {
              o.rec().stop();
            }
          }
          for (One o : all) {
            if (o.rec() != null) {
              o.rec().close();
            }
          }
          double recSeconds = (stop - start) / 1e9;
          System.out.printf(
              "RESULT n=%d type=%s steady_wall_s=%.1f cpu_cores=%.3f per_recording=%.3f%n",
              n, type, wall, cores, cores / n);
          for (One o : all) {
            long pushed = o.mark()[0];
            if (o.rec() == null) {
              System.out.printf("  pushed=%d delivered=%d%n", pushed, o.deliveredMark()[0]);
              continue;
            }
            Ffprobe.Result r = Ffprobe.probe(o.file());
            System.out.printf(
                "  %s %.2f s of %.2f, video %s %d frames (%.1f fps) of ~%d pushed, ~%d delivered,"
                    + " audio %s,"
                    + " dropped=%d silence_ms=%d bytes=%d%n",
                o.file().getFileName(),
                r.duration(),
                recSeconds,
                r.video().codec(),
                r.video().frames(),
                r.video().frames() / r.duration(),
                pushed,
                o.deliveredMark()[0],
                r.audio() == null ? "none" : r.audio().codec(),
                o.rec().droppedVideoFrames(),
                o.rec().insertedSilenceMillis(),
                Files.size(o.file()));
          }
        });
  }
}

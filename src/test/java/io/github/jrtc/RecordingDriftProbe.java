package io.github.jrtc;

import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrameSource;
import java.nio.file.Path;
import java.util.List;

/**
 * The closing note's drift measurement (run by hand): {@code SECONDS FILE} records the {@link
 * SyncPattern} (flash + 1 kHz tone every 2 s) for SECONDS into FILE (WebM VP8+Opus), then prints
 * the A-V offset of each onset as it arrived and as it is in the file, in ms. Drift is how the
 * file's offsets move from the first minute to the last beyond what the arrival offsets did.
 */
public final class RecordingDriftProbe {
  private RecordingDriftProbe() {}

  public static void main(String[] args) throws Exception {
    ChildJvm.runThenHalt(
        () -> {
          int seconds = Integer.parseInt(args[0]);
          Path file = Path.of(args[1]);
          try (VideoFrameSource v = new VideoFrameSource(30);
              AudioSampleSource a = new AudioSampleSource(48000, 1);
              SyncPattern pattern = new SyncPattern(v, a, 320, 240)) {
            MediaStream s = new MediaStream(List.of(v.track(), a.track()));
            MediaRecorder rec = MediaRecorder.toFile(s, file, MediaRecorderOptions.defaults());
            Thread.sleep(seconds * 1000L);
            rec.close();
            System.out.println("DROPPED " + rec.droppedVideoFrames());
            System.out.println("SILENCE_MS " + rec.insertedSilenceMillis());
            System.out.println("ARRIVAL " + pattern.arrivalOffsets());
            System.out.println("FILE " + SyncPattern.fileOffsets(file));
            // Raw onsets: the recorder's own error per onset is the file time minus the arrival
            // time relative to the file's origin, whatever the sources' A-V offset did.
            System.out.println("ARRIVAL_ONSETS " + pattern.arrivalOnsets());
            System.out.println("FILE_ONSETS " + SyncPattern.fileOnsets(file));
            System.out.println("PROBE " + Ffprobe.probe(file));
          }
        });
  }
}

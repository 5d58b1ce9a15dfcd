package io.github.jrtc;

import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrameSource;
import java.nio.file.Path;
import java.util.List;

/**
 * Child JVM for {@link MediaRecorderCrashIT}: records local sources into {@code args[0]} with type
 * {@code args[1]} ("none": the sources only), prints "RECORDING" once started, and never stops (the
 * parent kills it). Also the unit of the CPU measurement in the closing note.
 */
public final class RecordingKillProbe {
  private RecordingKillProbe() {}

  public static void main(String[] args) throws Exception {
    VideoFrameSource video = new VideoFrameSource(30);
    AudioSampleSource audio = new AudioSampleSource(48000, 1);
    FramePump.movingBar(video, 640, 480, 30);
    ToneFeeder.start(audio, 440);
    MediaStream stream = new MediaStream(List.of(video.track(), audio.track()));
    if (args[1].equals("none")) {
      // The sources alone: the baseline a recording's CPU is measured against.
      System.out.println("RECORDING nothing");
    } else {
      MediaRecorder rec =
          MediaRecorder.toFile(
              stream, Path.of(args[0]), MediaRecorderOptions.builder().mimeType(args[1]).build());
      System.out.println("RECORDING " + rec.mimeType());
    }
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}

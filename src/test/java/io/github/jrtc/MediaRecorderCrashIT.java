package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety: a JVM killed with SIGKILL while recording leaves a file that probes and decodes up
 * to about the last second (WebM clusters of at most 1 s; MP4 fragments at each key frame, one a
 * second).
 */
class MediaRecorderCrashIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"video/webm;codecs=vp8,opus", "video/mp4;codecs=avc1,mp4a.40.2"})
  void aKilledRecordingStillPlays(String type) throws Exception {
    Path file = dir.resolve(type.contains("mp4") ? "killed.mp4" : "killed.webm");
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    Process p =
        new ProcessBuilder(
                javaBin,
                "-cp",
                System.getProperty("java.class.path"),
                RecordingKillProbe.class.getName(),
                file.toString(),
                type)
            .redirectErrorStream(true)
            .start();
    List<String> lines = new ArrayList<>();
    long recordingSince = -1;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
        if (line.startsWith("RECORDING")) {
          recordingSince = System.nanoTime();
          break;
        }
      }
      assertThat(recordingSince).as("child output %s", lines).isPositive();
      Thread.sleep(6000);
      double recorded = (System.nanoTime() - recordingSince) / 1e9;
      p.destroyForcibly(); // SIGKILL: no shutdown hook, no trailer
      assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(137);

      List<Double> video = Ffprobe.packetTimes(file, "v");
      assertThat(video).as("video packets of %s", file).isNotEmpty();
      double lastVideo = video.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      // Everything but the last second (the open cluster or fragment), less start-up time.
      assertThat(lastVideo).as("last video pts").isGreaterThan(recorded - 2.5);
      // It decodes: every frame of the part that is there, and audio with the tone.
      List<Double> luma = Ffprobe.frameLuma(file);
      assertThat(luma.size()).isGreaterThanOrEqualTo(video.size() - 1);
      short[] pcm = Ffprobe.decodeAudio(file);
      assertThat(pcm.length / 48000.0).isGreaterThan(recorded - 2.5);
      assertThat(io.github.jrtc.media.AudioLevels.rms(pcm)).isGreaterThan(0.2);
    } finally {
      p.destroyForcibly();
    }
  }
}

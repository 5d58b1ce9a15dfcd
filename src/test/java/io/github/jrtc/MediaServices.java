package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The PulseAudio daemon and Xvfb display that scripts/test starts (scripts/media-services). */
final class MediaServices {
  private MediaServices() {}

  static void requirePulse() {
    assertThat(System.getenv("PULSE_SERVER"))
        .as("PULSE_SERVER: run the media ITs through scripts/test (scripts/media-services up)")
        .isNotBlank();
  }

  /**
   * A microphone with libwebrtc's capture processing off, for tests that measure a steady tone
   * (noise suppression removes one, gain control changes its level, echo cancellation may duck it).
   */
  static MediaTrackConstraints.Builder rawMicrophone() {
    return MediaTrackConstraints.builder()
        .echoCancellation(false)
        .autoGainControl(false)
        .noiseSuppression(false);
  }

  static void requireDisplay() {
    assertThat(System.getenv("DISPLAY"))
        .as("DISPLAY: run the media ITs through scripts/test (scripts/media-services up)")
        .isNotBlank();
  }

  /** Runs a command (pactl, xsetroot) and returns its output; fails the test on failure. */
  static String run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
      assertThat(p.exitValue()).as("%s: %s", List.of(command), out).isZero();
      return out;
    } catch (IOException e) {
      throw new AssertionError("Could not run " + List.of(command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Waits until enumerateDevices lists {@code deviceId} ({@code listed}) or no longer does. */
  static void awaitDevice(String deviceId, boolean listed) {
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(10))
        .until(
            () ->
                Navigator.mediaDevices().enumerateDevices().get(10, TimeUnit.SECONDS).stream()
                        .anyMatch(d -> d.deviceId().equals(deviceId))
                    == listed);
  }

  /** PulseAudio's record streams ("source outputs"), one per line: index, source, client, ... */
  static List<String> sourceOutputs() {
    return run("pactl", "list", "short", "source-outputs")
        .lines()
        .filter(l -> !l.isBlank())
        .toList();
  }

  /** The index PulseAudio gives the source {@code name}. */
  static String sourceIndex(String name) {
    return run("pactl", "list", "short", "sources")
        .lines()
        .map(l -> l.split("\t"))
        .filter(f -> f.length > 1 && f[1].equals(name))
        .map(f -> f[0])
        .findFirst()
        .orElseThrow(() -> new AssertionError("no PulseAudio source " + name));
  }
}

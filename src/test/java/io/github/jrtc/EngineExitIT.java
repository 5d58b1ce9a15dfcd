package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A program that returns from main (or calls System.exit) with open, connected peers exits by
 * itself within 5 s, on a machine with no sound card, and never aborts.
 */
class EngineExitIT {

  @ParameterizedTest
  @ValueSource(strings = {"return", "exit"})
  void childJvmExitsByItself(String mode) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            ExitProbe.class.getName(),
            mode);
    // Hide any PulseAudio daemon: the child must behave as on a machine without sound.
    pb.environment().put("PULSE_SERVER", "unix:/nonexistent/jrtc-no-pulse");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    long mainReturnedAt = 0;
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
        if (line.equals("main returns")) {
          mainReturnedAt = System.nanoTime();
          break;
        }
      }
      boolean exited = p.waitFor(mainReturnedAt == 0 ? 30 : 5, TimeUnit.SECONDS);
      long exitMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - mainReturnedAt);
      String rest;
      if (!exited) {
        p.destroyForcibly();
        rest = "";
      } else {
        rest = String.join("\n", r.lines().toList());
      }
      boolean ok =
          mainReturnedAt != 0
              && lines.contains("state connected")
              && exited
              && p.exitValue() == 0
              && exitMs < 5000;
      ReliabilityReport.row(
          "clean exit (" + (mode.equals("exit") ? "System.exit" : "return from main") + ")",
          1,
          ok ? 0 : 1,
          String.format(
              Locale.ROOT,
              "exited %d ms after main, code %s; webrtc-java's exit-time 'VM attach' lines: %s",
              exitMs,
              exited ? Integer.toString(p.exitValue()) : "none (killed)",
              rest.contains("VM attach current thread failed") ? "yes (not avoidable)" : "no"));
      assertThat(mainReturnedAt).as("child output:\n%s", String.join("\n", lines)).isNotZero();
      assertThat(lines).contains("state connected");
      assertThat(exited).as("exited within 5 s of main returning").isTrue();
      assertThat(p.exitValue()).as("exit code; output after main:\n%s", rest).isZero();
      assertThat(exitMs).isLessThan(5000);
    }
  }
}

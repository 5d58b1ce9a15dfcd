package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Without a PulseAudio server webrtc-java's audio enumeration blocks forever: enumerateDevices must
 * still return within its timeout (and at once the second time), getUserMedia audio must fail with
 * NotFoundError, and the JVM must exit when main returns.
 */
class EnumerateWithoutPulseIT {

  @Test
  void returnsWithinTheTimeoutAndNeverHangs() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "-Djrtc.devices.timeoutMs=1500",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            NoPulseProbe.class.getName());
    pb.environment().put("PULSE_SERVER", "unix:/nonexistent/jrtc-no-pulse");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(line);
        if (line.equals("main returns")) {
          break;
        }
      }
      boolean exited = p.waitFor(15, TimeUnit.SECONDS);
      if (!exited) {
        p.destroyForcibly();
      }
      String out = String.join("\n", lines);
      System.out.println(out); // the timings, in the failsafe report
      assertThat(lines).as(out).contains("main returns");
      Matcher first = Pattern.compile("devices (\\d+) in (\\d+) ms").matcher(out);
      assertThat(first.find()).as(out).isTrue();
      assertThat(Long.parseLong(first.group(2))).as(out).isLessThan(5000);
      Matcher again = Pattern.compile("again (\\d+) in (\\d+) ms").matcher(out);
      assertThat(again.find()).as(out).isTrue();
      assertThat(Long.parseLong(again.group(2))).as("cached: " + out).isLessThan(1000);
      assertThat(out).contains("audio NotFoundError");
      assertThat(out).as("the reason is logged").contains("PulseAudio");
      assertThat(exited).as("exited after main returned; output:\n%s", out).isTrue();
    }
  }
}

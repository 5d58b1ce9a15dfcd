package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.fuzz.ConfigurationFuzzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Random RTCConfigurations (every member: null, empty, huge and odd strings, null servers, every
 * policy, pool sizes out of range) through the constructor and setConfiguration, in a child JVM so
 * that a native abort (webrtc-java 0.14.0 aborts when libwebrtc refuses a configuration) fails this
 * test with its seed and case instead of killing the run. Seed: system property jrtc.fuzz.seed,
 * else the time (printed; replay one case with {@code ConfigurationFuzzer SEED 1 CASE}).
 */
class ConfigurationFuzzIT {
  @Test
  void randomConfigurationsNeverAbortAndFailOnlyWithSpecErrors() throws Exception {
    long seed = Long.getLong("jrtc.fuzz.seed", System.currentTimeMillis());
    int cases = Integer.getInteger("jrtc.fuzz.config.cases", 2_000);
    ChildJvm.Result r =
        ChildJvm.run(
            240,
            List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=off"),
            ConfigurationFuzzer.class.getName(),
            Long.toString(seed),
            Integer.toString(cases));
    List<String> lines = r.lines();
    String lastCase =
        lines.stream().filter(l -> l.startsWith("C ")).reduce((a, b) -> b).orElse("none");
    String report =
        String.join("\n", lines.stream().filter(l -> !l.startsWith("C ")).limit(200).toList());
    String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
    long failures = result == null ? 1 : Long.parseLong(result.split(" ")[2]);
    String names = lines.stream().filter(l -> l.startsWith("names ")).findFirst().orElse("");
    ReliabilityReport.row(
        "config-fuzz (constructor, setConfiguration)",
        cases,
        failures,
        "seed "
            + seed
            + (result == null
                ? ", aborted at " + lastCase
                : ", "
                    + result.split(" ")[3]
                    + " accepted, "
                    + result.split(" ")[4]
                    + " ms, "
                    + names));
    assertThat(r.timedOut())
        .as("fuzzer hung at %s, seed %d:\n%s", lastCase, seed, report)
        .isFalse();
    assertThat(result)
        .as(
            "JVM died at %s (seed %d, replay: ConfigurationFuzzer %d 1 N):\n%s",
            lastCase, seed, seed, report)
        .isNotNull();
    assertThat(failures).as(report).isZero();
    for (String name : names.replaceAll("[{}]|names |=\\d+", "").split(",\\s*")) {
      if (!name.isBlank()) {
        assertThat(ConfigurationFuzzer.SPEC_NAMES).contains(name.trim());
      }
    }
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.fuzz.SdpFuzzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 10 000 mutated real SDPs (Chromium, aiortc, GStreamer, Janus, webrtc-java, jrtc:
 * src/test/resources/sdp) and candidates into setRemoteDescription and addIceCandidate, in a child
 * JVM so that a native crash fails this test with its seed and case instead of killing the test
 * run. Seed: system property jrtc.fuzz.seed, else the time (printed, so any failure can be replayed
 * with {@code SdpFuzzer SEED 1 CASE}).
 */
class SdpFuzzIT {
  @Test
  void mutatedSdpsNeverCrashAndFailOnlyWithSpecErrors() throws Exception {
    long seed = Long.getLong("jrtc.fuzz.seed", System.currentTimeMillis());
    int cases = Integer.getInteger("jrtc.fuzz.cases", 10_000);
    ChildJvm.Result r =
        ChildJvm.run(
            240,
            List.of("-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=off"),
            SdpFuzzer.class.getName(),
            Long.toString(seed),
            Integer.toString(cases));
    List<String> lines = r.lines();
    String lastCase =
        lines.stream().filter(l -> l.startsWith("C ")).reduce((a, b) -> b).orElse("none");
    String report =
        String.join("\n", lines.stream().filter(l -> !l.startsWith("C ")).limit(200).toList());
    String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
    long failures = result == null ? 1 : Long.parseLong(result.split(" ")[2]);
    String corpus =
        lines.stream()
            .filter(l -> l.startsWith("seed "))
            .findFirst()
            .map(l -> l.replaceAll(".*cases, ", ""))
            .orElse("? SDPs");
    String names = lines.stream().filter(l -> l.startsWith("names ")).findFirst().orElse("");
    ReliabilityReport.row(
        "sdp-fuzz (setRemoteDescription, addIceCandidate)",
        cases,
        failures,
        "seed "
            + seed
            + ", "
            + corpus
            + (result == null
                ? ", crashed at " + lastCase
                : ", " + result.split(" ")[4] + " ms, " + names));
    assertThat(r.timedOut())
        .as("fuzzer hung at %s, seed %d:\n%s", lastCase, seed, report)
        .isFalse();
    assertThat(result)
        .as("JVM died at %s (seed %d, replay: SdpFuzzer %d 1 N):\n%s", lastCase, seed, seed, report)
        .isNotNull();
    assertThat(failures).as(report).isZero();
    for (String name : names.replaceAll("[{}]|names |=\\d+", "").split(",\\s*")) {
      if (!name.isBlank()) {
        assertThat(SdpFuzzer.SPEC_NAMES).contains(name.trim());
      }
    }
  }
}

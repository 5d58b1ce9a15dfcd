package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.modulepath.ModulePathProbe;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * jrtc as a named module: its classes and its runtime dependencies (webrtc-java and its platform
 * jar, SLF4J, Jackson) on the module path of a child JVM, with no {@code --add-opens}; the probe
 * ({@link ModulePathProbe}) on the class path connects two peers, exchanges data, closes them and
 * checks that jrtc's native helper did its part.
 */
class ModulePathIT {
  /** The core's runtime dependencies; everything else on the test class path stays off. */
  /** Failsafe puts the packaged jar on the class path, Surefire the classes directory. */
  private static final Pattern JRTC_JAR = Pattern.compile("jrtc-[0-9][^-]*(-SNAPSHOT)?\\.jar");

  private static final Pattern CORE_RUNTIME =
      Pattern.compile(
          "(webrtc-java|slf4j-api|slf4j-simple|jackson-(core|databind|annotations))-.*\\.jar");

  @Test
  void connectsAndClosesOnTheModulePathThroughJrtcsNativeHelper() throws Exception {
    ChildJvm.Result r = runProbe(List.of());
    assertThat(r.timedOut()).as("probe timed out:\n%s", r.output()).isFalse();
    assertThat(r.output()).contains("MODULE-PATH-PROBE OK");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .as("jrtc must not fall back to reflection or webrtc-java's paths")
        .doesNotContain("Cannot reach webrtc-java's native handles")
        .doesNotContain("Cannot load jrtc's native library")
        .doesNotContain("InaccessibleObjectException");
  }

  /** The probe notices when jrtc's native helper is not in use: it cannot pass silently. */
  @Test
  void theProbeFailsWhenJrtcFallsBackToWebrtcJavasPaths() throws Exception {
    ChildJvm.Result r = runProbe(List.of("-Djrtc.native=false"));
    assertThat(r.timedOut()).as("probe timed out:\n%s", r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
    assertThat(r.output()).contains("jrtc's native library did not load");
  }

  private static ChildJvm.Result runProbe(List<String> extra) throws Exception {
    String[] cp = System.getProperty("java.class.path").split(File.pathSeparator);
    List<String> modulePath = new ArrayList<>();
    String testClasses = null;
    for (String e : cp) {
      Path p = Path.of(e);
      String name = p.getFileName().toString();
      boolean jrtc =
          (Files.isDirectory(p) && p.endsWith(Path.of("target", "classes")))
              || JRTC_JAR.matcher(name).matches();
      if (jrtc) {
        modulePath.add(0, e);
      } else if (Files.isDirectory(p) && p.endsWith(Path.of("target", "test-classes"))) {
        testClasses = e;
      } else if (CORE_RUNTIME.matcher(name).matches()) {
        modulePath.add(e);
      }
    }
    assertThat(modulePath.get(0))
        .as("jrtc's classes or jar on the class path")
        .matches(
            e ->
                e.endsWith("classes")
                    || JRTC_JAR.matcher(Path.of(e).getFileName().toString()).matches());
    assertThat(modulePath.stream().anyMatch(e -> e.contains("linux-x86_64")))
        .as("webrtc-java's platform jar")
        .isTrue();
    List<String> args = new ArrayList<>(extra);
    args.addAll(
        Arrays.asList(
            "--module-path",
            modulePath.stream().collect(Collectors.joining(File.pathSeparator)),
            "--add-modules",
            "io.github.jrtc",
            // Only so that the probe can read two diagnostics; jrtc itself gets nothing opened.
            "--add-exports",
            "io.github.jrtc/io.github.jrtc.internal.jni=ALL-UNNAMED",
            "--add-exports",
            "io.github.jrtc/io.github.jrtc.internal.webrtcjava=ALL-UNNAMED"));
    return ChildJvm.runWithClassPath(testClasses, 90, args, ModulePathProbe.class.getName());
  }
}

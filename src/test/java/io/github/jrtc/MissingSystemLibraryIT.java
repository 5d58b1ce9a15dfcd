package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * On a machine without libpulse0, {@code new RTCPeerConnection()} throws one NotSupportedError
 * naming the library and the Debian package, on every call (webrtc-java alone throws
 * UnsatisfiedLinkError, then NoClassDefFoundError). The child JVM runs in its own mount namespace
 * where the system library directory is replaced by a hard-linked copy without libpulse.
 */
class MissingSystemLibraryIT {
  private static final String LIBS = "/usr/lib/x86_64-linux-gnu";

  @Test
  void everyCallGetsOneNotSupportedErrorNamingTheLibraryAndPackage() throws Exception {
    assertThat(Path.of(LIBS, "libpulse.so.0")).as("libpulse on this machine").exists();
    Path copy = Files.createTempDirectory(Path.of("/tmp"), "jrtc-nopulse");
    String java = ProcessHandle.current().info().command().orElse("java");
    String script =
        "cp -al "
            + LIBS
            + "/. \"$0\"/ && rm -f \"$0\"/libpulse* && mount --bind \"$0\" "
            + LIBS
            + " && exec \"$@\"";
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                "unshare",
                "-m",
                "sh",
                "-c",
                script,
                copy.toString(),
                java,
                "-cp",
                System.getProperty("java.class.path"),
                MissingLibraryProbe.class.getName()));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out;
    try {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      p.destroyForcibly();
      new ProcessBuilder("rm", "-rf", copy.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
    List<String> calls = out.lines().filter(l -> l.startsWith("CALL ")).toList();
    assertThat(calls).as(out).hasSize(2);
    for (String call : calls) {
      assertThat(call)
          .as(out)
          .contains("DOMException NotSupportedError")
          .contains("libpulse.so.0")
          .contains("apt-get install libpulse0");
    }
  }
}

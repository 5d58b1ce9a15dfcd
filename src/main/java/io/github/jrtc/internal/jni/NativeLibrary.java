package io.github.jrtc.internal.jni;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jrtc's own native library ({@code native/}, built by Maven's {@code native-linux-x86_64}
 * profile), loaded once from the class path via a temporary file. Where it was not built, or cannot
 * load, {@link #loaded()} is false and callers fall back to webrtc-java's code.
 *
 * <p>System properties: {@code jrtc.native=false} never loads it; {@code jrtc.native.library=PATH}
 * loads that file instead (an AddressSanitizer build, for instance).
 */
final class NativeLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(NativeLibrary.class);
  private static final String RESOURCE = "/io/github/jrtc/native/%s/libjrtc-native.so";
  private static final boolean LOADED = load();

  private NativeLibrary() {}

  static boolean loaded() {
    return LOADED;
  }

  private static boolean load() {
    if ("false".equalsIgnoreCase(System.getProperty("jrtc.native"))) {
      LOG.info("jrtc.native=false: using webrtc-java's data-channel observer (leaks per message)");
      return false;
    }
    try {
      String explicit = System.getProperty("jrtc.native.library");
      if (explicit != null && !explicit.isEmpty()) {
        System.load(Path.of(explicit).toAbsolutePath().toString());
        LOG.info("Loaded jrtc's native library from {}", explicit);
        return true;
      }
      String platform = platform();
      InputStream in =
          platform == null
              ? null
              : NativeLibrary.class.getResourceAsStream(String.format(RESOURCE, platform));
      if (in == null) {
        LOG.warn(
            "jrtc's native library is not built for {}/{}: using webrtc-java's data-channel"
                + " observer, which keeps about 30 B native and 85 B heap per received message",
            System.getProperty("os.name"),
            System.getProperty("os.arch"));
        return false;
      }
      Path file;
      try (in) {
        file = Files.createTempFile("jrtc-native", ".so");
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      try {
        System.load(file.toAbsolutePath().toString());
      } finally {
        // Mapped once loaded: the name is no longer needed.
        Files.deleteIfExists(file);
      }
      return true;
    } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
      LOG.warn(
          "Cannot load jrtc's native library ({}): using webrtc-java's data-channel observer,"
              + " which keeps about 30 B native and 85 B heap per received message",
          e.toString());
      return false;
    }
  }

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
      return "linux-x86_64";
    }
    return null;
  }
}

package io.github.jrtc.internal.webrtcjava;

import io.github.jrtc.DOMException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns webrtc-java's failure to load its native library for want of a system library (its static
 * initialiser throws UnsatisfiedLinkError, then every later use NoClassDefFoundError) into one
 * NotSupportedError that names the missing library and the Debian package that provides it.
 */
final class MissingSharedLibrary {
  /** What webrtc-java 0.14.0's Linux library links against, and where Debian ships it. */
  private static final Map<String, String> DEBIAN_PACKAGES =
      Map.of(
          "libpulse.so.0", "libpulse0",
          "libudev.so.1", "libudev1",
          "libX11.so.6", "libx11-6",
          "libXfixes.so.3", "libxfixes3",
          "libXrandr.so.2", "libxrandr2",
          "libXcomposite.so.1", "libxcomposite1",
          "libdbus-1.so.3", "libdbus-1-3");

  // glibc's dlopen message: "<lib>: cannot open shared object file: ..." (or another reason).
  private static final Pattern LIBRARY = Pattern.compile("([\\w.+-]+\\.so(?:\\.[\\d.]+)?): ");

  private MissingSharedLibrary() {}

  /** The NotSupportedError for {@code failure}, or null when it is not a missing library. */
  static DOMException describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnsatisfiedLinkError && t.getMessage() != null) {
        Matcher m = LIBRARY.matcher(t.getMessage());
        String library = null;
        while (m.find()) {
          library = m.group(1); // the last one named is the dependency that failed
        }
        if (library == null || library.startsWith("libwebrtc-java")) {
          return null;
        }
        String pkg = DEBIAN_PACKAGES.get(library);
        return new DOMException(
            "WebRTC is not available: webrtc-java's native library needs the system library "
                + library
                + ", which is missing ("
                + t.getMessage()
                + "). "
                + (pkg != null
                    ? "On Debian/Ubuntu: apt-get install " + pkg
                    : "Install the package that provides it (on Debian: apt-file search "
                        + library
                        + ")")
                + ".",
            "NotSupportedError");
      }
    }
    return null;
  }
}

package io.github.jrtc.internal.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether FFmpeg (the optional {@code org.bytedeco:ffmpeg} and {@code org.bytedeco:javacpp} jars
 * with their natives) can be loaded. Checked once, by name, so that nothing links against FFmpeg's
 * classes when they are absent.
 */
public final class FfmpegAvailability {
  private static final Logger LOG = LoggerFactory.getLogger(FfmpegAvailability.class);

  /** What to add when FFmpeg is missing; the constructor's NotSupportedError says it. */
  public static final String ARTIFACTS =
      "org.bytedeco:ffmpeg:8.1.2-1.5.14 and org.bytedeco:javacpp:1.5.14, each with its"
          + " platform classifier (e.g. linux-x86_64)";

  private static volatile String problem; // null: available
  private static volatile boolean checked;

  private FfmpegAvailability() {}

  /** True when FFmpeg loaded. */
  public static boolean available() {
    return problem() == null;
  }

  /** Why FFmpeg cannot be used, or null when it can. */
  public static synchronized String problem() {
    if (!checked) {
      problem = load();
      checked = true;
    }
    return problem;
  }

  private static String load() {
    ClassLoader loader = FfmpegAvailability.class.getClassLoader();
    try {
      // Initializing these runs JavaCPP's Loader.load, which extracts and links the natives.
      for (String name :
          new String[] {
            "org.bytedeco.ffmpeg.global.avutil",
            "org.bytedeco.ffmpeg.global.avcodec",
            "org.bytedeco.ffmpeg.global.avformat",
            "org.bytedeco.ffmpeg.global.swscale",
            "org.bytedeco.ffmpeg.global.swresample"
          }) {
        Class.forName(name, true, loader);
      }
      FfmpegLog.quiet();
      return null;
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      return "FFmpeg is not on the class path: add " + ARTIFACTS;
    } catch (Throwable t) { // NOPMD: UnsatisfiedLinkError and friends mean "not available"
      LOG.warn("FFmpeg could not be loaded", t);
      return "FFmpeg could not be loaded (" + t + "): add " + ARTIFACTS;
    }
  }
}

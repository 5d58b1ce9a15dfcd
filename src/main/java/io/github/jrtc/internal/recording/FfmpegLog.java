package io.github.jrtc.internal.recording;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** FFmpeg's logging and error strings. FFmpeg prints to stderr itself: only errors are kept. */
final class FfmpegLog {
  private FfmpegLog() {}

  static void quiet() {
    av_log_set_level(AV_LOG_ERROR);
  }

  /** Throws when an FFmpeg call returned an error code. */
  static int check(int ret, String what) {
    if (ret < 0) {
      throw new IllegalStateException(what + " failed: " + describe(ret));
    }
    return ret;
  }

  static String describe(int ret) {
    byte[] buf = new byte[256];
    av_strerror(ret, buf, buf.length);
    int n = 0;
    while (n < buf.length && buf[n] != 0) {
      n++;
    }
    return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8) + " (" + ret + ")";
  }
}

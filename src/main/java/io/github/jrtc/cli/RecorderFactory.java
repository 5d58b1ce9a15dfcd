package io.github.jrtc.cli;

import io.github.jrtc.DOMException;
import io.github.jrtc.MediaRecorder;
import io.github.jrtc.MediaRecorderOptions;
import io.github.jrtc.MediaStream;
import io.github.jrtc.media.StreamRecorder;

/**
 * The recorder {@code whip-server --record} uses: {@link MediaRecorder#toFile}, which picks WebM or
 * MP4 from the file's extension. Null when FFmpeg (the optional org.bytedeco dependencies) is not
 * on the class path: sessions are then received and playable over WHEP but not written.
 */
final class RecorderFactory {
  private RecorderFactory() {}

  /** The recorder for a container ("webm" or "mp4"), or null when this build cannot record. */
  static StreamRecorder forFormat(String format) {
    String type = format.equals("mp4") ? "video/mp4" : "video/webm";
    if (!MediaRecorder.isTypeSupported(type)) {
      return null;
    }
    return StreamRecorder.mediaRecorder();
  }

  /**
   * Why this build cannot record {@code type}, or null when it can: the spec's NotSupportedError
   * that the MediaRecorder constructor throws, whose message names the missing FFmpeg artifacts.
   */
  static String problem(String type) {
    if (MediaRecorder.isTypeSupported(type)) {
      return null;
    }
    try (var refused =
        new MediaRecorder(
            new MediaStream(), MediaRecorderOptions.builder().mimeType(type).build())) {
      return "MediaRecorder.isTypeSupported(\"" + type + "\") is false";
    } catch (DOMException e) {
      return e.name() + ": " + e.getMessage();
    }
  }
}

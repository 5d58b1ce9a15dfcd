package io.github.jrtc.cli;

import io.github.jrtc.DOMException;
import io.github.jrtc.MediaRecorder;
import io.github.jrtc.MediaRecorderOptions;
import io.github.jrtc.MediaStream;

/**
 * Whether the recorder ({@link MediaRecorder#toFile}, WebM or MP4 by the file's extension) can run
 * in this build: it needs FFmpeg (the optional org.bytedeco dependencies) on the class path, and
 * {@code --record} is refused with the reason when it is missing.
 */
final class RecorderFactory {
  private RecorderFactory() {}

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

package io.github.jrtc.internal.recording;

/** Whether this FFmpeg build can encode a format (call only when FFmpeg is available). */
public final class EncoderSupport {
  private EncoderSupport() {}

  public static boolean canEncode(RecordingFormat format) {
    return (format.videoCodec() == null || Encoders.has(format.videoEncoder()))
        && (format.audioCodec() == null || Encoders.has(format.audioEncoder()));
  }
}

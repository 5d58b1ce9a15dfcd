package io.github.jrtc.internal.recording;

/**
 * What a recording encodes: the completed format, bitrates, the audio bitrate mode and the key
 * frame interval (the spec's videoKeyFrameIntervalDuration / Count, null when absent).
 */
public record RecordingConfig(
    RecordingFormat format,
    long videoBitsPerSecond,
    long audioBitsPerSecond,
    boolean constantAudioBitrate,
    Double keyFrameIntervalMillis,
    Long keyFrameIntervalFrames) {

  KeyFramePolicy keyFrames() {
    return KeyFramePolicy.of(keyFrameIntervalMillis, keyFrameIntervalFrames);
  }
}

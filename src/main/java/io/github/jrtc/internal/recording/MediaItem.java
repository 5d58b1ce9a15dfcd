package io.github.jrtc.internal.recording;

import io.github.jrtc.media.AudioData;
import io.github.jrtc.media.VideoFrame;

/** What the track sinks and the recorder hand the encoding thread, in arrival order. */
sealed interface MediaItem {
  /** A retained frame (released by the encoding thread) and its arrival on the MediaClock. */
  record Video(VideoFrame frame, long arrivalNanos) implements MediaItem {}

  /** A chunk of PCM; {@code data.timestampNanos()} is its arrival on the MediaClock. */
  record Audio(AudioData data) implements MediaItem {}

  record Pause(long nanos) implements MediaItem {}

  record Resume(long nanos) implements MediaItem {}

  /** No more media: flush, write the trailer, close. */
  record Finish() implements MediaItem {}
}

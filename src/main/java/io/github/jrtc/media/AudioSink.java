package io.github.jrtc.media;

/** Receives a track's audio, 10 ms at a time, on the track's media thread. */
@FunctionalInterface
public interface AudioSink {
  /**
   * Receives 10 ms of audio.
   *
   * @param data the samples; the array belongs to the sink
   */
  void onData(AudioData data);
}

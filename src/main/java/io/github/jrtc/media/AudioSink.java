package io.github.jrtc.media;

/** Receives a track's audio, 10 ms at a time, on the track's media thread. */
@FunctionalInterface
public interface AudioSink {
  void onData(AudioData data);
}

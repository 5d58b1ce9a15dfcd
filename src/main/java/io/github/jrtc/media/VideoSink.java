package io.github.jrtc.media;

/**
 * Receives a track's video frames on the track's media thread (never the connection's event queue).
 * The frame is borrowed: {@link VideoFrame#retain()} it to keep it after returning.
 */
@FunctionalInterface
public interface VideoSink {
  /**
   * Receives one frame, borrowed for this call.
   *
   * @param frame the frame; retain() it to keep it
   */
  void onFrame(VideoFrame frame);
}

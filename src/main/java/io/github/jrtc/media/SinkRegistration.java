package io.github.jrtc.media;

/** A sink attached to a track; {@link #close()} detaches it (idempotent). */
public interface SinkRegistration extends AutoCloseable {
  @Override
  void close();
}

package io.github.jrtc.whip;

import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts decoded video frames and audible 10 ms audio chunks (RMS above 0.01) of a stream. */
final class ReceivedCounter implements AutoCloseable {
  final AtomicLong frames = new AtomicLong();
  final AtomicLong audible = new AtomicLong();
  volatile int width;
  private final List<SinkRegistration> sinks = new ArrayList<>();

  ReceivedCounter(MediaStream stream) {
    for (MediaStreamTrack t : stream.getTracks()) {
      if (t.kind().equals("video")) {
        sinks.add(
            TrackSinks.addVideoSink(
                t,
                f -> {
                  frames.incrementAndGet();
                  width = f.width();
                }));
      } else {
        sinks.add(
            TrackSinks.addAudioSink(
                t,
                d -> {
                  if (d.rms() > 0.01) {
                    audible.incrementAndGet();
                  }
                }));
      }
    }
  }

  @Override
  public void close() {
    sinks.forEach(SinkRegistration::close);
  }
}

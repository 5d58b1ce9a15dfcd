package io.github.jrtc;

import io.github.jrtc.media.AudioSampleSource;

/**
 * Feeds a sine tone into an {@link AudioSampleSource} from a daemon thread, keeping 60 ms ahead of
 * real time so the source never runs dry; {@link #close()} stops it.
 */
final class ToneFeeder implements AutoCloseable {
  private volatile boolean running = true;

  private ToneFeeder() {}

  static ToneFeeder start(AudioSampleSource audio, double hz) {
    ToneFeeder f = new ToneFeeder();
    Thread t =
        new Thread(
            () -> {
              long begin = System.nanoTime();
              long samples = 0;
              while (f.running) {
                long elapsedMs = (System.nanoTime() - begin) / 1_000_000;
                while (samples < (elapsedMs + 60) * 48) {
                  audio.pushSamples(MediaPatterns.tone(hz, 0.5, 48000, samples, 960));
                  samples += 960;
                }
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "test-tone");
    t.setDaemon(true);
    t.start();
    return f;
  }

  @Override
  public void close() {
    running = false;
  }
}

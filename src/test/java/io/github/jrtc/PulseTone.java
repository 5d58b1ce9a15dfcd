package io.github.jrtc;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

/**
 * Real sound through the test PulseAudio (scripts/media-services): a sine played into the null sink
 * in real time by {@code pacat}, and a recording of a source (e.g. the sink's monitor) by {@code
 * parec}.
 */
final class PulseTone implements AutoCloseable {
  private final Process player;

  private PulseTone(Process player) {
    this.player = player;
  }

  /** Plays {@code hz} at {@code amplitude} (0..1) into {@code sink} until closed. */
  static PulseTone play(String sink, double hz, double amplitude) throws Exception {
    Process p =
        new ProcessBuilder(
                "pacat",
                "--playback",
                "--device=" + sink,
                "--format=s16le",
                "--rate=48000",
                "--channels=1",
                "--latency-msec=50")
            .redirectErrorStream(true)
            .start();
    Thread t =
        new Thread(
            () -> {
              byte[] chunk = new byte[480 * 2];
              long n = 0;
              try (OutputStream out = p.getOutputStream()) {
                while (p.isAlive()) {
                  for (int i = 0; i < 480; i++, n++) {
                    short s =
                        (short) (amplitude * 32767 * Math.sin(2 * Math.PI * hz * n / 48000.0));
                    chunk[2 * i] = (byte) s;
                    chunk[2 * i + 1] = (byte) (s >> 8);
                  }
                  out.write(chunk); // pacat blocks at real time
                }
              } catch (Exception e) {
                // the player was stopped
              }
            },
            "pulse-tone");
    t.setDaemon(true);
    t.start();
    return new PulseTone(p);
  }

  /** Records {@code seconds} of 48 kHz mono from {@code source}. */
  static short[] record(String source, double seconds) throws Exception {
    Process p =
        new ProcessBuilder(
                "parec",
                "--device=" + source,
                "--format=s16le",
                "--rate=48000",
                "--channels=1",
                "--latency-msec=20")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int want = (int) (seconds * 48000);
    byte[] bytes = new byte[want * 2];
    int got = 0;
    try (InputStream in = p.getInputStream()) {
      while (got < bytes.length) {
        int n = in.read(bytes, got, bytes.length - got);
        if (n < 0) {
          break;
        }
        got += n;
      }
    } finally {
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    short[] out = new short[got / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
    }
    return out;
  }

  /** Root mean square, 0..1. */
  static double rms(short[] s, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) s[i] * s[i];
    }
    return to <= from ? 0 : Math.sqrt(sum / (to - from)) / 32768.0;
  }

  /** Sign changes per second, about twice the frequency of a pure tone. */
  static double crossingsPerSecond(short[] s, int from, int to, int rate) {
    int n = 0;
    for (int i = from + 1; i < to; i++) {
      if ((s[i - 1] < 0) != (s[i] < 0)) {
        n++;
      }
    }
    return to <= from ? 0 : n * (double) rate / (to - from);
  }

  @Override
  public void close() throws Exception {
    player.destroy();
    player.waitFor(5, TimeUnit.SECONDS);
  }
}

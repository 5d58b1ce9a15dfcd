package io.github.jrtc;

import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.media.VideoFrameSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A/V sync test media: every {@link #PERIOD_MS} the picture turns bright and a tone starts, for
 * half the period. Onsets are found twice: where the recorder's sinks saw them arrive (on the
 * arrival clock) and in the recorded file (on its timestamps); the difference of the A-V offsets is
 * the recorder's own sync error, whatever latency the sources have.
 */
final class SyncPattern implements AutoCloseable {
  static final int PERIOD_MS = 2000;

  private final FramePump frames;
  private final Thread audioThread;
  private volatile boolean running = true;
  private final List<Long> videoArrivals = new CopyOnWriteArrayList<>();
  private final List<Long> audioArrivals = new CopyOnWriteArrayList<>();
  private final List<SinkRegistration> sinks = new ArrayList<>();
  private volatile boolean lastBright;
  private volatile boolean lastLoud;
  private int quietSamples; // the audio sink's thread only

  SyncPattern(VideoFrameSource video, AudioSampleSource audio, int width, int height) {
    long begin = System.nanoTime();
    frames = FramePump.flat(video, width, height, 30, ms -> bright(ms) ? 220 : 20);
    audioThread =
        new Thread(
            () -> {
              long samples = 0;
              while (running) {
                long elapsedMs = (System.nanoTime() - begin) / 1_000_000;
                // 20 ms ahead: enough that the source never runs dry, little added latency.
                while (samples < (elapsedMs + 20) * 48) {
                  short[] chunk = new short[480];
                  for (int i = 0; i < chunk.length; i++) {
                    long n = samples + i;
                    if (bright((int) (n / 48))) {
                      chunk[i] = (short) (16000 * Math.sin(2 * Math.PI * 1000 * n / 48000.0));
                    }
                  }
                  audio.pushSamples(chunk);
                  samples += chunk.length;
                }
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "test-sync-audio");
    audioThread.setDaemon(true);
    audioThread.start();
    sinks.add(
        TrackSinks.addVideoSink(
            video.track(),
            f -> {
              boolean b = f.lumaAt(f.width() / 2, f.height() / 2) > 120;
              if (b && !lastBright) {
                videoArrivals.add(f.arrivalNanos());
              }
              lastBright = b;
            }));
    sinks.add(
        TrackSinks.addAudioSink(
            audio.track(),
            d -> {
              for (int i = 0; i < d.frames(); i++) {
                boolean loud = Math.abs(d.samples()[i * d.channels()]) > 4000;
                if (loud) {
                  if (!lastLoud) {
                    long back = (long) (d.frames() - i) * 1_000_000_000L / d.sampleRate();
                    audioArrivals.add(d.timestampNanos() - back);
                  }
                  lastLoud = true;
                  quietSamples = 0;
                } else if (++quietSamples >= d.sampleRate() / 100) {
                  // 10 ms of quiet: the tone has ended. (Not fewer: around each zero crossing of
                  // the sine two or three samples are quiet, which made every cycle an onset.)
                  lastLoud = false;
                }
              }
            }));
  }

  static boolean bright(int ms) {
    return ms % PERIOD_MS >= PERIOD_MS / 2;
  }

  /** A-V offsets (audio onset minus video onset, ms) of each onset, as they arrived. */
  List<Double> arrivalOffsets() {
    return pair(toMillis(videoArrivals), toMillis(audioArrivals));
  }

  private static List<Double> toMillis(List<Long> nanos) {
    List<Double> out = new ArrayList<>();
    for (long n : nanos) {
      out.add(n / 1e6);
    }
    return out;
  }

  /** Arrival times (ms, on the arrival clock) of the video onsets, then of the audio onsets. */
  List<List<Double>> arrivalOnsets() {
    return List.of(toMillis(videoArrivals), toMillis(audioArrivals));
  }

  /** A-V offsets (ms) of each onset in a recorded file. */
  static List<Double> fileOffsets(Path file) throws Exception {
    List<List<Double>> onsets = fileOnsets(file);
    return pair(onsets.get(0), onsets.get(1));
  }

  /** File times (ms) of the video onsets, then of the audio onsets. */
  static List<List<Double>> fileOnsets(Path file) throws Exception {
    List<Double> times = Ffprobe.packetTimes(file, "v");
    java.util.Collections.sort(times);
    List<Double> luma = Ffprobe.frameLuma(file);
    List<Double> video = new ArrayList<>();
    for (int i = 1; i < Math.min(times.size(), luma.size()); i++) {
      if (luma.get(i) > 120 && luma.get(i - 1) <= 120) {
        video.add(times.get(i) * 1000);
      }
    }
    short[] pcm = Ffprobe.decodeAudio(file);
    List<Double> audio = new ArrayList<>();
    int quiet = 0;
    for (int i = 0; i < pcm.length; i++) {
      if (Math.abs(pcm[i]) > 4000) {
        if (quiet > 4800) {
          audio.add(i / 48.0);
        }
        quiet = 0;
      } else {
        quiet++;
      }
    }
    return List.of(video, audio);
  }

  /** Pairs each video onset with the nearest audio onset within half a period. */
  private static List<Double> pair(List<Double> video, List<Double> audio) {
    List<Double> out = new ArrayList<>();
    for (double v : video) {
      double best = Double.NaN;
      for (double a : audio) {
        if (Math.abs(a - v) < PERIOD_MS / 2.0
            && (Double.isNaN(best) || Math.abs(a - v) < Math.abs(best))) {
          best = a - v;
        }
      }
      if (!Double.isNaN(best)) {
        out.add(best);
      }
    }
    return out;
  }

  @Override
  public void close() {
    running = false;
    frames.close();
    for (SinkRegistration r : sinks) {
      r.close();
    }
  }
}

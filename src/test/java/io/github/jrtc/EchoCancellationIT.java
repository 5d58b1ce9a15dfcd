package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.media.AudioOutput;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Echo cancellation on a getUserMedia microphone, measured. A far end (peer A) sends a speech-like
 * signal; peer B plays it with AudioOutput into a PulseAudio null sink (the loudspeaker), which
 * module-loopback copies with 100 ms latency into a second null sink (the room) whose monitor is
 * B's default input. B opens that input twice at once: once raw (every processing stage off) and
 * once with echo cancellation alone; both see the same echo at the same moment, so the ratio of
 * their powers is the echo return loss enhancement (ERLE). Then near-end speech (another
 * speech-like voice, played into the room) joins: the near end must come through the canceller
 * attenuated by less than 3 dB while the far end keeps talking.
 */
class EchoCancellationIT {
  private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();
  private final List<String> modules = new CopyOnWriteArrayList<>();
  private volatile boolean feeding = true;

  @AfterEach
  void restore() throws Exception {
    feeding = false;
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    for (String module : modules) {
      MediaServices.run("pactl", "unload-module", module);
    }
    MediaServices.run("pactl", "set-default-source", "jrtc_source");
  }

  /** Power (mean square) of what a track sends, accumulated while {@link #on}. */
  private static final class Meter {
    final DoubleAdder sum = new DoubleAdder();
    final DoubleAdder count = new DoubleAdder();
    volatile boolean on;

    void add(short[] s) {
      if (!on) {
        return;
      }
      double acc = 0;
      for (short v : s) {
        acc += (double) v * v;
      }
      sum.add(acc);
      count.add(s.length);
    }

    double power() {
      return count.sum() == 0 ? 0 : sum.sum() / count.sum();
    }

    void reset() {
      sum.reset();
      count.reset();
    }
  }

  @Test
  void echoIsCancelledByTwentyDecibelsAndNearEndSpeechComesThrough() throws Exception {
    MediaServices.requirePulse();
    load(
        "module-null-sink",
        "sink_name=jrtc_aec_spk",
        "sink_properties=device.description=aec-speaker");
    load(
        "module-null-sink",
        "sink_name=jrtc_aec_room",
        "sink_properties=device.description=aec-room");
    load(
        "module-loopback",
        "source=jrtc_aec_spk.monitor",
        "sink=jrtc_aec_room",
        "latency_msec=100",
        "source_dont_move=true",
        "sink_dont_move=true");
    MediaServices.run("pactl", "set-default-source", "jrtc_aec_room.monitor");
    MediaServices.awaitDevice("jrtc_aec_spk", true);
    // The near-end talker's stream plays into the room from the start, silent until the double
    // talk: a stream joining the room sink later reconfigures its latency and so moves the echo
    // path by tens of milliseconds (the canceller's delay estimate jumped 144 -> 188 ms 3 s after
    // the talker joined), just when the canceller must not adapt (a near end is talking).
    AtomicBoolean nearTalking = new AtomicBoolean();
    cleanup.add(0, playInto("jrtc_aec_room", new SpeechLike(2, 210, 0.5), nearTalking));

    // The far end: peer A sends speech-like audio; peer B plays it on the "loudspeaker".
    AudioSampleSource farVoice = new AudioSampleSource(48000, 1, "far end");
    cleanup.add(farVoice);
    SpeechLike far = new SpeechLike(1, 120, 0.5);
    feed(farVoice, far);
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    cleanup.add(0, b::close);
    cleanup.add(0, a::close);
    CompletableFuture<MediaStreamTrack> remote = new CompletableFuture<>();
    b.ontrack(e -> remote.complete(e.track()));
    a.addTrack(farVoice.track(), new MediaStream());
    Peers.trickle(a, b);
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> b.connectionState() == RTCPeerConnectionState.CONNECTED);
    AudioOutput speaker = AudioOutput.play(remote.get(5, TimeUnit.SECONDS), "jrtc_aec_spk");
    cleanup.add(0, speaker);

    // B's microphone twice: raw, and with echo cancellation alone.
    MediaStreamTrack raw = microphone(MediaServices.rawMicrophone().build());
    MediaStreamTrack aec =
        microphone(
            MediaTrackConstraints.builder()
                .echoCancellation(ConstrainBoolean.exact(true))
                .autoGainControl(false)
                .noiseSuppression(false)
                .build());
    assertThat(raw.getSettings().echoCancellation()).isFalse();
    assertThat(aec.getSettings().echoCancellation()).isTrue();
    assertThat(aec.getSettings().noiseSuppression()).isFalse();
    assertThat(aec.getSettings().autoGainControl()).isFalse();
    Meter rawMeter = new Meter();
    Meter aecMeter = new Meter();
    cleanup.add(0, sink(raw, rawMeter));
    cleanup.add(0, sink(aec, aecMeter));
    cleanup.add(0, printSeries(raw, aec));

    // Echo only: let the canceller converge, then measure.
    Thread.sleep(8000);
    double[] echo = measure(rawMeter, aecMeter, 6000);
    double erle = 10 * Math.log10(echo[0] / echo[1]);

    // Double talk: a near-end voice joins in the room while the far end keeps talking.
    nearTalking.set(true);
    Thread.sleep(1000);
    double[] both = measure(rawMeter, aecMeter, 6000);
    // Raw = echo + near end (uncorrelated): the near end's own power is the difference.
    double nearPower = both[0] - echo[0];
    double nearAttenuation = 10 * Math.log10(nearPower / both[1]);
    System.out.printf(
        "echo cancellation: echo power raw %.0f, cancelled %.0f: ERLE %.1f dB; double talk: raw"
            + " %.0f (near end %.0f), cancelled %.0f: near end attenuated %.1f dB%n",
        echo[0], echo[1], erle, both[0], nearPower, both[1], nearAttenuation);

    assertThat(echo[0]).as("the echo reaches the raw microphone").isGreaterThan(1e5);
    assertThat(erle).as("ERLE in dB").isGreaterThanOrEqualTo(20);
    assertThat(nearPower).as("the near end reaches the raw microphone").isGreaterThan(1e5);
    assertThat(nearAttenuation).as("near-end attenuation in dB").isLessThan(3);
  }

  private static double[] measure(Meter raw, Meter aec, long millis) throws InterruptedException {
    raw.reset();
    aec.reset();
    raw.on = true;
    aec.on = true;
    Thread.sleep(millis);
    raw.on = false;
    aec.on = false;
    return new double[] {raw.power(), aec.power()};
  }

  /**
   * Prints raw and cancelled power and their ratio every half second until closed: where a run
   * falls short, this shows when (convergence, or a moment the echo path moved).
   */
  private AutoCloseable printSeries(MediaStreamTrack raw, MediaStreamTrack aec) {
    Meter r = new Meter();
    Meter c = new Meter();
    r.on = true;
    c.on = true;
    SinkRegistration rs = sink(raw, r);
    SinkRegistration cs = sink(aec, c);
    long begin = System.nanoTime();
    java.util.concurrent.ScheduledExecutorService timer =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    var unused =
        timer.scheduleAtFixedRate(
            () -> {
              double rp = r.power();
              double cp = c.power();
              r.reset();
              c.reset();
              System.out.printf(
                  "  %5.1f s: raw %9.0f cancelled %9.0f: %5.1f dB%n",
                  (System.nanoTime() - begin) / 1e9, rp, cp, 10 * Math.log10(rp / cp));
            },
            500,
            500,
            TimeUnit.MILLISECONDS);
    return () -> {
      timer.shutdownNow();
      rs.close();
      cs.close();
    };
  }

  private MediaStreamTrack microphone(MediaTrackConstraints c) throws Exception {
    MediaStreamTrack t =
        Navigator.mediaDevices()
            .getUserMedia(new MediaStreamConstraints(c, null))
            .get(10, TimeUnit.SECONDS)
            .getAudioTracks()
            .get(0);
    cleanup.add(0, t::stop);
    return t;
  }

  private static SinkRegistration sink(MediaStreamTrack t, Meter m) {
    return TrackSinks.addAudioSink(t, d -> m.add(d.samples()));
  }

  private void load(String module, String... args) {
    String[] cmd = new String[args.length + 3];
    cmd[0] = "pactl";
    cmd[1] = "load-module";
    cmd[2] = module;
    System.arraycopy(args, 0, cmd, 3, args.length);
    // Unloaded in reverse order (the loopback before the sinks it joins).
    modules.add(0, MediaServices.run(cmd).trim());
  }

  /** Feeds the far end's voice into the source at real time, 60 ms ahead. */
  private void feed(AudioSampleSource source, SpeechLike voice) {
    Thread t =
        new Thread(
            () -> {
              long begin = System.nanoTime();
              long samples = 0;
              while (feeding) {
                long elapsedMs = (System.nanoTime() - begin) / 1_000_000;
                while (samples < (elapsedMs + 60) * 48) {
                  source.pushSamples(voice.next(960));
                  samples += 960;
                }
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "far-end-voice");
    t.setDaemon(true);
    t.start();
  }

  /**
   * Plays into a PulseAudio sink with pacat, at real time, until closed: silence, and the voice
   * while {@code talking}.
   */
  private static AutoCloseable playInto(String sink, SpeechLike voice, AtomicBoolean talking)
      throws Exception {
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
              byte[] bytes = new byte[960];
              try (OutputStream out = p.getOutputStream()) {
                short[] silence = new short[480];
                while (p.isAlive()) {
                  short[] s = talking.get() ? voice.next(480) : silence;
                  for (int i = 0; i < 480; i++) {
                    bytes[2 * i] = (byte) s[i];
                    bytes[2 * i + 1] = (byte) (s[i] >> 8);
                  }
                  out.write(bytes); // pacat blocks at real time
                }
              } catch (Exception e) {
                // stopped
              }
            },
            "near-end-voice");
    t.setDaemon(true);
    t.start();
    return () -> {
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
    };
  }
}

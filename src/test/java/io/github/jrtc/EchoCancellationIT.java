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
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
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

  @Disabled(
      "Not yet reliable (issue 18 stays open): ERLE was 33.5, 45.0, 28.3 dB in three runs but 17.5 dB"
          + " in a full run at load 0.8, under the 20 dB goal; run it alone with"
          + " -Dit.test=EchoCancellationIT while the delay/convergence cause is found")
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

    // Echo only: let the canceller converge, then measure.
    Thread.sleep(8000);
    double[] echo = measure(rawMeter, aecMeter, 6000);
    double erle = 10 * Math.log10(echo[0] / echo[1]);

    // Double talk: a near-end voice joins in the room while the far end keeps talking.
    cleanup.add(0, playInto("jrtc_aec_room", new SpeechLike(2, 210, 0.5)));
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

  /** Plays a voice into a PulseAudio sink with pacat, at real time, until closed. */
  private static AutoCloseable playInto(String sink, SpeechLike voice) throws Exception {
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
                while (p.isAlive()) {
                  short[] s = voice.next(480);
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

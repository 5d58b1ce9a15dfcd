package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.internal.audio.SpeakerOutput;
import io.github.jrtc.media.AudioOutput;
import io.github.jrtc.media.AudioSampleSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AudioOutput} plays a remote track on the default output: a 440 Hz tone sent by peer A is
 * played by peer B into PulseAudio's null sink (the default sink), and a recording of that sink's
 * monitor carries it (level and pitch). After close() the sink is silent again.
 */
class AudioOutputIT {
  private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> SpeakerOutput.live() == 0);
  }

  @Test
  void aRemoteToneIsPlayedOnTheDefaultOutput() throws Exception {
    MediaServices.requirePulse();
    short[] before = PulseTone.record("jrtc_sink.monitor", 0.5);
    assertThat(PulseTone.rms(before, 0, before.length)).as("sink silent before").isLessThan(0.01);

    AudioSampleSource src = new AudioSampleSource(48000, 1, "tone");
    cleanup.add(src);
    cleanup.add(0, ToneFeeder.start(src, 440)); // stops before the source closes
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    cleanup.add(0, b::close);
    cleanup.add(0, a::close);
    CompletableFuture<MediaStreamTrack> remote = new CompletableFuture<>();
    b.ontrack(e -> remote.complete(e.track()));
    a.addTrack(src.track(), new MediaStream());
    Peers.trickle(a, b);
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> b.connectionState() == RTCPeerConnectionState.CONNECTED);

    AudioOutput out = AudioOutput.play(remote.get(5, TimeUnit.SECONDS));
    cleanup.add(0, out);
    assertThat(out.deviceId()).isEqualTo("default");
    Thread.sleep(1000); // the jitter buffer and the sink's latency fill
    short[] heard = PulseTone.record("jrtc_sink.monitor", 2.0);
    double rms = PulseTone.rms(heard, 0, heard.length);
    // Pitch over the loud 10 ms blocks (a loaded machine may leave a gap or two in playout).
    java.util.List<Double> hzOfLoud = new java.util.ArrayList<>();
    for (int i = 0; i + 480 <= heard.length; i += 480) {
      if (PulseTone.rms(heard, i, i + 480) > 0.1) {
        hzOfLoud.add(PulseTone.crossingsPerSecond(heard, i, i + 480, 48000) / 2);
      }
    }
    hzOfLoud.sort(Double::compare);
    double hz = hzOfLoud.isEmpty() ? 0 : hzOfLoud.get(hzOfLoud.size() / 2);
    System.out.printf(
        "audio output: monitor of the default sink, %d samples, RMS %.3f, %d of %d blocks loud,"
            + " %.0f Hz%n",
        heard.length, rms, hzOfLoud.size(), heard.length / 480, hz);
    assertThat(heard.length).isEqualTo(96000);
    assertThat(rms).as("level of what the sink played").isBetween(0.2, 0.5);
    // On a loaded machine PulseAudio reports playout underflows (its play thread runs late).
    assertThat(hzOfLoud.size()).as("loud 10 ms blocks of 200").isGreaterThan(100);
    assertThat(hz).as("pitch of what the sink played").isBetween(400.0, 480.0);

    out.close();
    out.close(); // idempotent
    Thread.sleep(300);
    short[] after = PulseTone.record("jrtc_sink.monitor", 0.5);
    assertThat(PulseTone.rms(after, 0, after.length)).as("silent after close").isLessThan(0.01);
  }

  // Not the default sink: webrtc-java alone would play on jrtc_sink (it selects by guid, and
  // PulseAudio's devices have none); jrtc selects the module's position natively.
  @Test
  void anOutputThatIsNotTheDefaultPlaysWhenChosen() throws Exception {
    MediaServices.requirePulse();
    String module =
        MediaServices.run(
                "pactl",
                "load-module",
                "module-null-sink",
                "sink_name=jrtc_out2",
                "sink_properties=device.description=jrtc-second-output")
            .trim();
    try {
      MediaServices.awaitDevice("jrtc_out2", true);
      AudioSampleSource src = new AudioSampleSource(48000, 1, "tone");
      cleanup.add(src);
      cleanup.add(0, ToneFeeder.start(src, 440));
      try (AudioOutput out = AudioOutput.play(src.track(), "jrtc_out2")) {
        assertThat(out.deviceId()).isEqualTo("jrtc_out2");
        Thread.sleep(500);
        short[] chosen = PulseTone.record("jrtc_out2.monitor", 1.0);
        short[] byDefault = PulseTone.record("jrtc_sink.monitor", 0.5);
        double chosenRms = PulseTone.rms(chosen, 0, chosen.length);
        double defaultRms = PulseTone.rms(byDefault, 0, byDefault.length);
        System.out.printf(
            "audio output: chosen sink RMS %.3f, default sink RMS %.3f%n", chosenRms, defaultRms);
        assertThat(chosenRms).as("level on the chosen sink").isGreaterThan(0.1);
        assertThat(defaultRms).as("level on the default sink").isLessThan(0.01);
      }
    } finally {
      MediaServices.run("pactl", "unload-module", module);
    }
  }

  @Test
  void wrongTracksAndOutputsAreRefused() throws Exception {
    MediaServices.requirePulse();
    assertThatThrownBy(() -> AudioOutput.play(null)).isInstanceOf(TypeError.class);
    io.github.jrtc.media.VideoFrameSource video = new io.github.jrtc.media.VideoFrameSource(30);
    cleanup.add(video);
    assertThatThrownBy(() -> AudioOutput.play(video.track())).isInstanceOf(TypeError.class);
    AudioSampleSource src = new AudioSampleSource();
    cleanup.add(src);
    assertThatThrownBy(() -> AudioOutput.play(src.track(), "no-such-sink"))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("NotFoundError"));
    // The default sink by its id works; a local track plays too (what a monitor would do).
    try (AudioOutput byId = AudioOutput.play(src.track(), "jrtc_sink")) {
      assertThat(byId.deviceId()).isEqualTo("jrtc_sink");
      assertThat(SpeakerOutput.live()).isEqualTo(1);
    }
    src.track().stop();
    assertThatThrownBy(() -> AudioOutput.play(src.track()))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidStateError"));
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * applyConstraints on a live getUserMedia microphone switches libwebrtc's processing stages, as
 * browsers do, and getSettings() says what runs: shown on the signal. A steady 440 Hz tone is what
 * noise suppression removes, so the tone's level on the track drops when noiseSuppression goes on
 * and comes back when it goes off again, on the same track, without reopening the device.
 */
class MicrophoneConstraintsIT {
  private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

  @AfterEach
  void restore() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    MediaServices.run("pactl", "set-default-source", "jrtc_source");
  }

  /** Mean square of what the track delivers while {@link #on}, as a fraction of full scale. */
  private static final class Level {
    final DoubleAdder sum = new DoubleAdder();
    final DoubleAdder count = new DoubleAdder();
    volatile boolean on;

    double measure(long millis) throws InterruptedException {
      sum.reset();
      count.reset();
      on = true;
      Thread.sleep(millis);
      on = false;
      return count.sum() == 0 ? 0 : sum.sum() / count.sum();
    }
  }

  @Test
  void noiseSuppressionSwitchedByApplyConstraintsActsOnTheLiveTrack() throws Exception {
    MediaServices.requirePulse();
    MediaServices.run("pactl", "set-default-source", "jrtc_sink.monitor");
    cleanup.add(PulseTone.play("jrtc_sink", 440, 16000 / 32767.0));
    MediaStreamTrack mic =
        Navigator.mediaDevices()
            .getUserMedia(new MediaStreamConstraints(MediaServices.rawMicrophone().build(), null))
            .get(10, TimeUnit.SECONDS)
            .getAudioTracks()
            .get(0);
    cleanup.add(0, mic::stop);
    MediaTrackCapabilities caps = mic.getCapabilities();
    assertThat(caps.echoCancellation()).containsExactly(true, false);
    assertThat(caps.autoGainControl()).containsExactly(true, false);
    assertThat(caps.noiseSuppression()).containsExactly(true, false);
    assertStages(mic, false, false, false);

    Level level = new Level();
    SinkRegistration sink =
        TrackSinks.addAudioSink(
            mic,
            d -> {
              if (!level.on) {
                return;
              }
              double acc = 0;
              for (short v : d.samples()) {
                acc += ((double) v / 32768) * ((double) v / 32768);
              }
              level.sum.add(acc);
              level.count.add(d.samples().length);
            });
    cleanup.add(0, sink);
    Thread.sleep(2500); // the tone's stream and the recording settle
    double raw = level.measure(2000);

    MediaTrackConstraints ns =
        MediaServices.rawMicrophone().noiseSuppression(ConstrainBoolean.exact(true)).build();
    mic.applyConstraints(ns).get(10, TimeUnit.SECONDS);
    assertStages(mic, false, false, true);
    assertThat(mic.getConstraints()).isEqualTo(ns);
    Thread.sleep(3000); // the suppressor learns the "noise"
    double suppressed = level.measure(2000);

    MediaTrackConstraints off = MediaServices.rawMicrophone().build();
    mic.applyConstraints(off).get(10, TimeUnit.SECONDS);
    assertStages(mic, false, false, false);
    Thread.sleep(500);
    double back = level.measure(2000);
    System.out.printf(
        "tone level (mean square): raw %.5f, noise suppression on %.5f (%.1f dB), off again %.5f"
            + " (%.1f dB)%n",
        raw, suppressed, 10 * Math.log10(suppressed / raw), back, 10 * Math.log10(back / raw));

    assertThat(raw).as("the tone reaches the microphone").isGreaterThan(0.01);
    assertThat(10 * Math.log10(suppressed / raw))
        .as("dB of the tone with noise suppression switched on")
        .isLessThan(-10);
    assertThat(Math.abs(10 * Math.log10(back / raw)))
        .as("dB off the raw level once switched off again")
        .isLessThan(1);
  }

  @Test
  void constraintsNoSettingSatisfiesAreOverconstrainedAndChangeNothing() throws Exception {
    MediaServices.requirePulse();
    MediaStreamTrack mic =
        Navigator.mediaDevices()
            .getUserMedia(new MediaStreamConstraints(MediaTrackConstraints.builder().build(), null))
            .get(10, TimeUnit.SECONDS)
            .getAudioTracks()
            .get(0);
    cleanup.add(0, mic::stop);
    // The browsers' default: every stage on.
    assertStages(mic, true, true, true);
    MediaTrackConstraints before = mic.getConstraints();

    MediaTrackConstraints bad =
        MediaTrackConstraints.builder()
            .echoCancellation(ConstrainBoolean.exact(false))
            .sampleRate(ConstrainULong.exact(8000))
            .build();
    Throwable failure = null;
    try {
      mic.applyConstraints(bad).join();
    } catch (CompletionException e) {
      failure = e.getCause();
    }
    assertThat(failure)
        .isInstanceOfSatisfying(
            OverconstrainedError.class, e -> assertThat(e.constraint()).isEqualTo("sampleRate"));
    assertStages(mic, true, true, true);
    assertThat(mic.getConstraints()).isEqualTo(before);

    // One stage off by a bare false; the others keep their default.
    mic.applyConstraints(MediaTrackConstraints.builder().autoGainControl(false).build())
        .get(10, TimeUnit.SECONDS);
    assertStages(mic, true, false, true);
    // An ended track resolves and changes nothing.
    mic.stop();
    mic.applyConstraints(MediaServices.rawMicrophone().build()).get(10, TimeUnit.SECONDS);
  }

  private static void assertStages(MediaStreamTrack t, boolean ec, boolean agc, boolean ns) {
    MediaTrackSettings s = t.getSettings();
    assertThat(s.echoCancellation()).as("echoCancellation").isEqualTo(ec);
    assertThat(s.autoGainControl()).as("autoGainControl").isEqualTo(agc);
    assertThat(s.noiseSuppression()).as("noiseSuppression").isEqualTo(ns);
  }
}

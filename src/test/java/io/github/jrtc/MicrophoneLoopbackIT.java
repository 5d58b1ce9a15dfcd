package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The microphone carries real sound: a 440 Hz tone played into the PulseAudio null sink is recorded
 * from its monitor (made the default input for this test) by libwebrtc's audio device module, sent
 * by peer A's getUserMedia track and heard at peer B (signal level, not callback counts).
 */
class MicrophoneLoopbackIT {
  private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();
  private volatile PulseTone tone;
  private final List<String> modules = new CopyOnWriteArrayList<>();

  @AfterEach
  void restore() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    if (tone != null) {
      tone.close();
    }
    for (String module : modules) {
      MediaServices.run("pactl", "unload-module", module);
    }
    MediaServices.run("pactl", "set-default-source", "jrtc_source");
  }

  @Test
  void aToneIntoTheNullSinkIsHeardAtTheOtherPeer() throws Exception {
    MediaServices.requirePulse();
    MediaServices.run("pactl", "set-default-source", "jrtc_sink.monitor");
    // 440 Hz at half scale into jrtc_sink, in real time, until the test ends
    tone = PulseTone.play("jrtc_sink", 440, 16000 / 32767.0);
    MediaStream stream =
        Navigator.mediaDevices()
            .getUserMedia(new MediaStreamConstraints(MediaServices.rawMicrophone().build(), null))
            .get(10, TimeUnit.SECONDS);
    heardAtTheOtherPeer(stream, "microphone loopback");
  }

  // The default input stays jrtc_source (silence): only the input chosen by deviceId carries the
  // tone, through a remap source (a real source, not a monitor, so enumerateDevices lists it).
  @Test
  void aChosenInputThatIsNotTheDefaultCarriesItsSound() throws Exception {
    MediaServices.requirePulse();
    String sink =
        MediaServices.run(
                "pactl",
                "load-module",
                "module-null-sink",
                "sink_name=jrtc_tone2",
                "sink_properties=device.description=jrtc-tone-2")
            .trim();
    modules.add(sink);
    String source =
        MediaServices.run(
                "pactl",
                "load-module",
                "module-remap-source",
                "master=jrtc_tone2.monitor",
                "source_name=jrtc_mic2",
                "source_properties=device.description=jrtc-second-mic")
            .trim();
    modules.add(0, source);
    tone = PulseTone.play("jrtc_tone2", 440, 16000 / 32767.0);
    MediaDevices md = Navigator.mediaDevices();
    MediaServices.awaitDevice("jrtc_mic2", true);
    MediaStream stream =
        md.getUserMedia(
                new MediaStreamConstraints(
                    MediaServices.rawMicrophone()
                        .deviceId(ConstrainDOMString.exact("jrtc_mic2"))
                        .build(),
                    null))
            .get(10, TimeUnit.SECONDS);
    assertThat(stream.getAudioTracks().get(0).label()).isEqualTo("jrtc-second-mic");
    heardAtTheOtherPeer(stream, "chosen input");
  }

  private void heardAtTheOtherPeer(MediaStream stream, String what) throws Exception {
    MediaStreamTrack mic = stream.getAudioTracks().get(0);
    cleanup.add(mic::stop);

    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    cleanup.add(b::close);
    cleanup.add(a::close);
    AtomicReference<Double> maxRms = new AtomicReference<>(0.0);
    AtomicLong loud = new AtomicLong();
    AtomicLong chunks = new AtomicLong();
    b.ontrack(
        e -> {
          SinkRegistration r =
              TrackSinks.addAudioSink(
                  e.track(),
                  d -> {
                    chunks.incrementAndGet();
                    maxRms.accumulateAndGet(d.rms(), Math::max);
                    if (d.rms() > 0.05) {
                      loud.incrementAndGet();
                    }
                  });
          cleanup.add(0, r);
        });
    a.addTrack(mic, stream);
    Peers.trickle(a, b);
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> b.connectionState() == RTCPeerConnectionState.CONNECTED);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(loud.get())
                    .as(
                        "loud 10 ms chunks at B (max rms %s of %s chunks)",
                        maxRms.get(), chunks.get())
                    .isGreaterThan(50));
    System.out.printf(
        "%s: max rms %.3f, %d of %d chunks above 0.05%n",
        what, maxRms.get(), loud.get(), chunks.get());
  }
}

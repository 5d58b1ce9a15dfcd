package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import java.io.OutputStream;
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
  private volatile Process player;

  @AfterEach
  void restore() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    if (player != null) {
      player.destroy();
      player.waitFor(5, TimeUnit.SECONDS);
    }
    MediaServices.run("pactl", "set-default-source", "jrtc_source");
  }

  /** Plays a 440 Hz tone at half scale into jrtc_sink, in real time, until the test ends. */
  private void playTone() throws Exception {
    player =
        new ProcessBuilder(
                "pacat",
                "--playback",
                "--device=jrtc_sink",
                "--format=s16le",
                "--rate=48000",
                "--channels=1",
                "--latency-msec=50")
            .redirectErrorStream(true)
            .start();
    Process p = player;
    Thread t =
        new Thread(
            () -> {
              byte[] chunk = new byte[480 * 2];
              long n = 0;
              try (OutputStream out = p.getOutputStream()) {
                while (p.isAlive()) {
                  for (int i = 0; i < 480; i++, n++) {
                    short s = (short) (16000 * Math.sin(2 * Math.PI * 440 * n / 48000.0));
                    chunk[2 * i] = (byte) s;
                    chunk[2 * i + 1] = (byte) (s >> 8);
                  }
                  out.write(chunk); // pacat blocks at real time
                }
              } catch (Exception e) {
                // the player was stopped
              }
            },
            "tone");
    t.setDaemon(true);
    t.start();
  }

  @Test
  void aToneIntoTheNullSinkIsHeardAtTheOtherPeer() throws Exception {
    MediaServices.requirePulse();
    MediaServices.run("pactl", "set-default-source", "jrtc_sink.monitor");
    playTone();
    MediaStream stream =
        Navigator.mediaDevices()
            .getUserMedia(new MediaStreamConstraints(true, false))
            .get(10, TimeUnit.SECONDS);
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
        "microphone loopback: max rms %.3f, %d of %d chunks above 0.05%n",
        maxRms.get(), loud.get(), chunks.get());
  }
}

package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.internal.webrtcjava.AudioPump;
import io.github.jrtc.media.AudioData;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.TrackSinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A microphone (PulseAudio's null sink monitor, fed a 440 Hz tone) and a Java {@link
 * AudioSampleSource} (1000 Hz) live at once on two tracks of one connection for over a minute,
 * while the test keeps making libwebrtc stop and restart send streams (replaceTrack, mute,
 * direction changes with renegotiation, plain renegotiation) — each restart makes libwebrtc restart
 * the factory module's recording. Both tones must keep arriving at the peer, each on its own track
 * (level and frequency measured), and the JVM must not abort.
 */
class AudioCoexistenceIT {
  private static final double MIC_HZ = 440;
  private static final double JAVA_HZ = 1000;
  private static final long RUN_MS = Long.getLong("jrtc.test.coexistMs", 62_000);

  private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();

  @AfterEach
  void restore() throws Exception {
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    MediaServices.run("pactl", "set-default-source", "jrtc_source");
  }

  /** What one remote track delivered: time, level and zero crossings of each 10 ms chunk. */
  private static final class Received {
    final ConcurrentLinkedQueue<double[]> chunks = new ConcurrentLinkedQueue<>();

    void add(AudioData d, long t0) {
      short[] s = d.samples();
      int n = d.frames() * d.channels();
      chunks.add(
          new double[] {
            (d.timestampNanos() - t0) / 1e9,
            PulseTone.rms(s, 0, n),
            PulseTone.crossingsPerSecond(s, 0, n, d.sampleRate() * d.channels())
          });
    }

    /** [loud chunks, median crossings/s of loud chunks] between from and to seconds. */
    double[] window(double from, double to) {
      List<Double> zc = new ArrayList<>();
      for (double[] c : chunks) {
        if (c[0] >= from && c[0] < to && c[1] > 0.05) {
          zc.add(c[2]);
        }
      }
      zc.sort(Double::compare);
      return new double[] {zc.size(), zc.isEmpty() ? 0 : zc.get(zc.size() / 2)};
    }
  }

  @Test
  void aMicrophoneAndAJavaToneStayAudibleThroughRestartsForAMinute() throws Exception {
    MediaServices.requirePulse();
    MediaServices.run("pactl", "set-default-source", "jrtc_sink.monitor");
    cleanup.add(PulseTone.play("jrtc_sink", MIC_HZ, 0.5));

    MediaStreamTrack mic =
        Navigator.mediaDevices()
            .getUserMedia(new MediaStreamConstraints(MediaServices.rawMicrophone().build(), null))
            .get(10, TimeUnit.SECONDS)
            .getAudioTracks()
            .get(0);
    cleanup.add(mic::stop);
    AudioSampleSource java = new AudioSampleSource(48000, 1, "java tone");
    cleanup.add(java);
    MediaStreamTrack tone = java.track();
    cleanup.add(tone::stop);
    cleanup.add(0, ToneFeeder.start(java, JAVA_HZ)); // stops before the sources close

    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    cleanup.add(0, b::close);
    cleanup.add(0, a::close);
    long t0 = System.nanoTime();
    Map<String, Received> byMid = new ConcurrentHashMap<>();
    b.ontrack(
        e ->
            // ontrack fires again when a direction change brings a track back: one sink per mid.
            byMid.computeIfAbsent(
                e.transceiver().mid(),
                k -> {
                  Received r = new Received();
                  cleanup.add(0, TrackSinks.addAudioSink(e.track(), d -> r.add(d, t0)));
                  return r;
                }));
    MediaStream stream = new MediaStream(List.of(mic, tone));
    RTCRtpSender micSender = a.addTrack(mic, stream);
    RTCRtpSender toneSender = a.addTrack(tone, stream);
    Peers.trickle(a, b);
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> b.connectionState() == RTCPeerConnectionState.CONNECTED);
    String micMid = midOf(a, micSender);
    String toneMid = midOf(a, toneSender);
    RTCRtpTransceiver toneTransceiver =
        a.getTransceivers().stream().filter(t -> t.sender() == toneSender).findFirst().get();

    long start = System.nanoTime();
    double startS = (start - t0) / 1e9;
    int step = 0;
    List<String> done = new ArrayList<>();
    while (System.nanoTime() - start < (RUN_MS - 7_000) * 1_000_000L) {
      switch (step++ % 6) {
        case 0 -> {
          await(micSender.replaceTrack(null));
          Thread.sleep(300);
          await(micSender.replaceTrack(mic));
          done.add("replaceTrack mic");
        }
        case 1 -> {
          await(toneSender.replaceTrack(null));
          Thread.sleep(300);
          await(toneSender.replaceTrack(tone));
          done.add("replaceTrack tone");
        }
        case 2 -> {
          tone.enabled(false);
          mic.enabled(false);
          Thread.sleep(300);
          mic.enabled(true);
          tone.enabled(true);
          done.add("mute both");
        }
        case 3 -> {
          toneTransceiver.direction(RTCRtpTransceiverDirection.INACTIVE);
          await(Peers.negotiate(a, b));
          Thread.sleep(300);
          toneTransceiver.direction(RTCRtpTransceiverDirection.SENDRECV);
          await(Peers.negotiate(a, b));
          done.add("inactive/sendrecv tone");
        }
        case 4 -> {
          await(Peers.negotiate(a, b));
          done.add("renegotiate");
        }
        default -> {
          await(micSender.replaceTrack(null));
          await(toneSender.replaceTrack(null));
          Thread.sleep(300);
          await(toneSender.replaceTrack(tone));
          await(micSender.replaceTrack(mic));
          done.add("replaceTrack both");
        }
      }
      Thread.sleep(2000);
    }
    Thread.sleep(7_000); // a quiet end: both must be back and steady
    double endS = (System.nanoTime() - t0) / 1e9;

    Received micAtB = byMid.get(micMid);
    Received toneAtB = byMid.get(toneMid);
    assertThat(micAtB).as("B got the microphone's track").isNotNull();
    assertThat(toneAtB).as("B got the Java tone's track").isNotNull();
    System.out.printf(
        "audio coexistence: %.1f s, %d restarts (%s...), pump rounds %d (%d waited for a native"
            + " call), mean push %.1f us%n",
        endS - startS,
        done.size(),
        done.subList(0, Math.min(6, done.size())),
        AudioPump.shared().rounds(),
        AudioPump.shared().skippedRounds(),
        AudioPump.shared().meanPushMicros());
    System.out.println("window(s)      mic loud  mic Hz   java loud  java Hz");
    for (double w = startS; w + 5 <= endS; w += 5) {
      double[] m = micAtB.window(w, w + 5);
      double[] j = toneAtB.window(w, w + 5);
      System.out.printf(
          "%5.0f-%-5.0f  %8.0f  %6.0f  %9.0f  %7.0f%n", w, w + 5, m[0], m[1] / 2, j[0], j[1] / 2);
      // Every 5 s, despite a restart in it, each tone is heard for at least a second, at its pitch.
      assertThat(m[0]).as("mic loud chunks in %.0f-%.0f s", w, w + 5).isGreaterThan(100);
      assertThat(j[0]).as("java loud chunks in %.0f-%.0f s", w, w + 5).isGreaterThan(100);
      assertThat(m[1] / 2).as("mic pitch in %.0f-%.0f s", w, w + 5).isBetween(380.0, 500.0);
      assertThat(j[1] / 2).as("java pitch in %.0f-%.0f s", w, w + 5).isBetween(900.0, 1100.0);
    }
    double[] micEnd = micAtB.window(endS - 5, endS);
    double[] javaEnd = toneAtB.window(endS - 5, endS);
    assertThat(micEnd[0]).as("mic steady at the end").isGreaterThan(400);
    assertThat(javaEnd[0]).as("java tone steady at the end").isGreaterThan(400);
    assertThat(endS - startS).isGreaterThanOrEqualTo(RUN_MS / 1000.0 - 2);
  }

  private static String midOf(RTCPeerConnection pc, RTCRtpSender sender) {
    return pc.getTransceivers().stream()
        .filter(t -> t.sender() == sender)
        .findFirst()
        .orElseThrow()
        .mid();
  }
}

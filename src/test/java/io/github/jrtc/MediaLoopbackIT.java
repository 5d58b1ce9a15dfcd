package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.internal.jni.NativeAudioGuard;
import io.github.jrtc.internal.webrtcjava.NativeEngine;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.media.VideoFrameSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real call between two jrtc peers inside the test network namespace: peer A sends a
 * Java-generated 640x480 moving pattern at 30 fps and a 440 Hz tone; peer B checks what it decodes
 * (frame size, frame rate, that the picture moves, audio level).
 */
class MediaLoopbackIT {
  private static final int W = 640;
  private static final int H = 480;

  private final RTCPeerConnection a = new RTCPeerConnection();
  private final RTCPeerConnection b = new RTCPeerConnection();
  private final List<AutoCloseable> cleanup = new CopyOnWriteArrayList<>();
  private volatile boolean generating = true;

  @AfterEach
  void close() throws Exception {
    generating = false;
    for (AutoCloseable c : cleanup) {
      c.close();
    }
    a.close();
    b.close();
  }

  /** Pushes frames and 20 ms of tone at real time until the test ends. */
  private void generate(VideoFrameSource video, AudioSampleSource audio) {
    Thread t =
        new Thread(
            () -> {
              long start = System.nanoTime();
              long samples = 0;
              int frame = 0;
              while (generating) {
                long elapsedMs = (System.nanoTime() - start) / 1_000_000;
                while (samples < (elapsedMs + 60) * 48) {
                  audio.pushSamples(MediaPatterns.tone(440, 0.5, 48000, samples, 960));
                  samples += 960;
                }
                if (elapsedMs * 30 / 1000 >= frame) {
                  video.pushRgba(W, H, MediaPatterns.movingBar(W, H, frame));
                  frame++;
                }
                try {
                  Thread.sleep(5);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "test-generator");
    t.setDaemon(true);
    t.start();
  }

  @Test
  void videoPatternAndToneArriveAtThePeer() throws Exception {
    VideoFrameSource video = new VideoFrameSource(30);
    AudioSampleSource audio = new AudioSampleSource(48000, 1);
    cleanup.add(video);
    cleanup.add(audio);
    MediaStream stream = new MediaStream();
    a.addTrack(video.track(), stream);
    a.addTrack(audio.track(), stream);

    AtomicInteger frames = new AtomicInteger();
    AtomicReference<String> size = new AtomicReference<>();
    AtomicReference<Integer> lastBarX = new AtomicReference<>();
    AtomicInteger barMoves = new AtomicInteger();
    AtomicLong loudChunks = new AtomicLong();
    AtomicReference<Double> maxRms = new AtomicReference<>(0.0);
    List<RTCTrackEvent> events = new CopyOnWriteArrayList<>();
    b.ontrack(
        e -> {
          events.add(e);
          SinkRegistration r;
          if (e.track().kind().equals("video")) {
            r =
                TrackSinks.addVideoSink(
                    e.track(),
                    f -> {
                      frames.incrementAndGet();
                      size.set(f.width() + "x" + f.height());
                      int bar = brightColumn(f);
                      Integer previous = lastBarX.getAndSet(bar);
                      if (previous != null && bar >= 0 && previous != bar) {
                        barMoves.incrementAndGet();
                      }
                    });
          } else {
            r =
                TrackSinks.addAudioSink(
                    e.track(),
                    d -> {
                      double rms = d.rms();
                      maxRms.accumulateAndGet(rms, Math::max);
                      if (rms > 0.05) {
                        loudChunks.incrementAndGet();
                      }
                    });
          }
          cleanup.add(r);
        });

    Peers.trickle(a, b);
    generate(video, audio);
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> b.connectionState() == RTCPeerConnectionState.CONNECTED);

    // ontrack once per track, with the sender's stream.
    assertThat(events).hasSize(2);
    assertThat(events).allSatisfy(e -> assertThat(e.streams()).hasSize(1));
    assertThat(events.get(0).streams().get(0).id()).isEqualTo(stream.id());
    assertThat(events.get(0).streams().get(0)).isSameAs(events.get(1).streams().get(0));
    assertThat(events.get(0).streams().get(0).getTracks()).hasSize(2);
    assertThat(b.getReceivers()).hasSize(2);
    assertThat(events).allSatisfy(e -> assertThat(e.receiver()).isIn(b.getReceivers()));

    // Let the encoder ramp up, then measure a 5 s window.
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.get() > 30);
    Thread.sleep(2000);
    int f0 = frames.get();
    long l0 = loudChunks.get();
    long t0 = System.nanoTime();
    Thread.sleep(5000);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double fps = (frames.get() - f0) / seconds;
    long loud = loudChunks.get() - l0;

    assertThat(size.get()).isEqualTo(W + "x" + H);
    assertThat(fps).as("received frames per second").isGreaterThanOrEqualTo(25);
    assertThat(barMoves.get()).as("the pattern moves").isGreaterThan(50);
    // 440 Hz at half scale has an RMS of 0.35; silence or noise stays far below 0.05.
    assertThat(maxRms.get()).isGreaterThan(0.2);
    assertThat(loud).as("loud 10 ms chunks in 5 s").isGreaterThan(300);
    assertThat(events.stream().filter(e -> !e.track().muted()).count()).isEqualTo(2);
    System.out.printf(
        "loopback: %.1f fps at %s, max audio RMS %.3f, %d loud chunks in %.1f s%n",
        fps, size.get(), maxRms.get(), loud, seconds);
  }

  /** The x of the bright bar on row 240 (mean of bright pixels), or -1. */
  private static int brightColumn(io.github.jrtc.media.VideoFrame f) {
    int y = f.height() / 2;
    long sum = 0;
    int n = 0;
    for (int x = 0; x < f.width(); x++) {
      if (f.lumaAt(x, y) > 150) {
        sum += x;
        n++;
      }
    }
    return n == 0 ? -1 : (int) (sum / n);
  }

  /**
   * webrtc-java's own CustomAudioSource.pushAudio aborts the JVM within 5–7 s of a call (the
   * headless module's capture thread races it); jrtc's AudioSampleSource must keep a call with
   * audio alive and audible for more than 30 s.
   */
  @Test
  void pushingAudioForThirtySecondsKeepsTheJvmAliveAndAudible() throws Exception {
    long refusedBefore = refusedRecordings();
    VideoFrameSource video = new VideoFrameSource(15);
    AudioSampleSource audio = new AudioSampleSource(48000, 1);
    cleanup.add(video);
    cleanup.add(audio);
    a.addTrack(audio.track());
    AtomicLong loud = new AtomicLong();
    b.ontrack(
        e ->
            cleanup.add(
                TrackSinks.addAudioSink(
                    e.track(),
                    d -> {
                      if (d.rms() > 0.05) {
                        loud.incrementAndGet();
                      }
                    })));
    Peers.trickle(a, b);
    generate(video, audio);
    await(Peers.negotiate(a, b));
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> b.connectionState() == RTCPeerConnectionState.CONNECTED);
    // Continuity from the first audible chunk on: how long audio takes to start flowing after
    // "connected" (jitter buffer, first packets) is not what this test is about.
    await().atMost(Duration.ofSeconds(10)).until(() -> loud.get() > 0);
    long end = System.nanoTime() + 32_000_000_000L;
    long lastLoud = loud.get();
    while (System.nanoTime() < end) {
      Thread.sleep(4000);
      long now = loud.get();
      assertThat(now).as("audio keeps arriving").isGreaterThan(lastLoud + 200);
      assertThat(NativeEngine.shared().wrappedModuleRecording())
          .as("the factory's headless module is recording")
          .isFalse();
      lastLoud = now;
    }
    assertThat(a.connectionState()).isEqualTo(RTCPeerConnectionState.CONNECTED);
    // libwebrtc tried to start the factory module's recording when the send stream started (the
    // capture thread that would race the pushes); jrtc's native guard refused it.
    assertThat(NativeEngine.shared().recordingRefused()).as("native audio guard on").isTrue();
    assertThat(refusedRecordings() - refusedBefore)
        .as("recording starts refused during the call")
        .isGreaterThanOrEqualTo(1);
  }

  private static long refusedRecordings() {
    return NativeAudioGuard.refusedInitRecording() + NativeAudioGuard.refusedStartRecording();
  }
}

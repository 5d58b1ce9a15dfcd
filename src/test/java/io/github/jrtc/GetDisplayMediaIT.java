package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.internal.capture.NativeCapture;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.media.VideoFrame;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * getDisplayMedia captures the Xvfb screen (scripts/media-services): the test paints the root
 * window a known colour with xsetroot and finds it in the frames a sink receives.
 */
class GetDisplayMediaIT {
  private final MediaDevices md = Navigator.mediaDevices();

  /**
   * A pixel of a frame as I420 (Y, U, V), a quarter in from the top left: the centre has Xvfb's
   * pointer, which libwebrtc composes into the frame.
   */
  private static int[] centre(VideoFrame f) {
    int x = f.width() / 4;
    int y = f.height() / 4;
    int u = f.dataU().get((y / 2) * f.strideU() + x / 2) & 0xff;
    int v = f.dataV().get((y / 2) * f.strideV() + x / 2) & 0xff;
    return new int[] {f.lumaAt(x, y), u, v};
  }

  // BT.601 studio range, as libyuv converts: red is Y 82 U 90 V 240, blue is Y 41 U 240 V 110.
  private static boolean isRed(int[] yuv) {
    return Math.abs(yuv[0] - 82) < 20 && yuv[1] < 120 && yuv[2] > 200;
  }

  private static boolean isBlue(int[] yuv) {
    return Math.abs(yuv[0] - 41) < 20 && yuv[1] > 200 && yuv[2] < 140;
  }

  @Test
  void capturesTheColourPaintedOnTheDisplay() throws Exception {
    MediaServices.requireDisplay();
    MediaServices.run("xsetroot", "-solid", "#ff0000");
    MediaStream stream = md.getDisplayMedia().get(15, TimeUnit.SECONDS);
    assertThat(stream.getAudioTracks()).isEmpty();
    MediaStreamTrack track = stream.getVideoTracks().get(0);
    assertThat(track.kind()).isEqualTo("video");
    assertThat(track.readyState()).isEqualTo(MediaStreamTrackState.LIVE);
    assertThat(track.getSettings().displaySurface()).isEqualTo("monitor");
    assertThat(track.getSettings().width()).isEqualTo(1280);
    assertThat(track.label()).startsWith("screen");
    assertThat(track.getSettings().height()).isEqualTo(720);
    assertThat(NativeCapture.liveVideoCaptures()).isEqualTo(1);

    AtomicReference<int[]> last = new AtomicReference<>();
    AtomicReference<String> size = new AtomicReference<>();
    AtomicInteger frames = new AtomicInteger();
    SinkRegistration reg =
        TrackSinks.addVideoSink(
            track,
            f -> {
              frames.incrementAndGet();
              size.set(f.width() + "x" + f.height());
              last.set(centre(f));
            });
    try {
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(last.get()).matches(GetDisplayMediaIT::isRed));
      assertThat(size.get()).isEqualTo("1280x720");

      MediaServices.run("xsetroot", "-solid", "#0000ff");
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(last.get()).matches(GetDisplayMediaIT::isBlue));
    } finally {
      reg.close();
    }

    track.stop();
    assertThat(track.readyState()).isEqualTo(MediaStreamTrackState.ENDED);
    assertThat(NativeCapture.liveVideoCaptures()).as("the desktop capturer stopped").isZero();
  }

  @Test
  void maxWidthDownscalesAndFrameRateIsApplied() throws Exception {
    MediaServices.requireDisplay();
    MediaServices.run("xsetroot", "-solid", "#ff0000");
    MediaStream stream =
        md.getDisplayMedia(
                DisplayMediaStreamOptions.builder()
                    .video(
                        MediaTrackConstraints.builder()
                            .width(ConstrainULong.max(640))
                            .frameRate(ConstrainDouble.ideal(10))
                            .build())
                    .build())
            .get(15, TimeUnit.SECONDS);
    MediaStreamTrack track = stream.getVideoTracks().get(0);
    assertThat(track.getSettings().width()).isEqualTo(640);
    assertThat(track.getSettings().height()).isEqualTo(360);
    assertThat(track.getSettings().frameRate()).isEqualTo(10.0);
    assertThat(track.getConstraints().width().max()).isEqualTo(640L);
    assertThat(track.getConstraints().frameRate().ideal()).isEqualTo(10.0);
    AtomicReference<String> size = new AtomicReference<>();
    AtomicInteger frames = new AtomicInteger();
    SinkRegistration reg =
        TrackSinks.addVideoSink(
            track,
            f -> {
              size.set(f.width() + "x" + f.height());
              frames.incrementAndGet();
            });
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> frames.get() > 0);
      int before = frames.get();
      Thread.sleep(2000);
      int perSecond = (frames.get() - before) / 2;
      assertThat(size.get()).isEqualTo("640x360");
      assertThat(perSecond).as("frames per second at frameRate 10").isBetween(3, 13);
    } finally {
      reg.close();
      track.stop();
    }
  }

  @Test
  void optionsTheSpecForbidsAreTypeErrors() throws Exception {
    for (DisplayMediaStreamOptions bad :
        new DisplayMediaStreamOptions[] {
          new DisplayMediaStreamOptions(true, false),
          DisplayMediaStreamOptions.builder()
              .video(MediaTrackConstraints.builder().width(ConstrainULong.min(100)).build())
              .build(),
          DisplayMediaStreamOptions.builder()
              .video(MediaTrackConstraints.builder().height(ConstrainULong.exact(100)).build())
              .build(),
          DisplayMediaStreamOptions.builder()
              .video(
                  MediaTrackConstraints.builder()
                      .advanced(MediaTrackConstraintSet.builder().width(100).build())
                      .build())
              .build(),
          null
        }) {
      try {
        md.getDisplayMedia(bad).get(10, TimeUnit.SECONDS);
        throw new AssertionError("accepted " + bad);
      } catch (ExecutionException e) {
        assertThat(e.getCause()).as(String.valueOf(bad)).isInstanceOf(TypeError.class);
      }
    }
  }
}

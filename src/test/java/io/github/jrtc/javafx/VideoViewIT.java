package io.github.jrtc.javafx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.MediaStream;
import io.github.jrtc.media.VideoFrameSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A VideoView under Xvfb (software pipeline) fed by a VideoFrameSource whose picture is red on the
 * left half and green on the right, in a 240x120 view on a blue background; the scene is
 * snapshotted and pixels are classified as red, green or blue (background).
 */
class VideoViewIT {
  private static final int VIEW_W = 240;
  private static final int VIEW_H = 120;
  private static final Color BACKGROUND = Color.rgb(0, 0, 255);

  private VideoFrameSource source;
  private Stage stage;
  private VideoView view;
  private Thread pusher;
  private volatile int[] size = {60, 60};
  private volatile String lastRaw = "";

  @BeforeEach
  void open() throws Exception {
    Fx.start();
    source = new VideoFrameSource(30);
    pusher =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                int[] s = size;
                source.pushRgba(s[0], s[1], halves(s[0], s[1]));
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "test-pusher");
    pusher.setDaemon(true);
    pusher.start();
    view =
        Fx.call(
            () -> {
              VideoView v = new VideoView();
              v.setBackground(new Background(new BackgroundFill(BACKGROUND, null, null)));
              v.resizeRelocate(0, 0, VIEW_W, VIEW_H);
              Pane root = new Pane(v);
              v.setManaged(false);
              stage = new Stage();
              stage.setScene(new Scene(root, VIEW_W, VIEW_H, Color.BLACK));
              stage.show();
              return v;
            });
  }

  @AfterEach
  void close() throws Exception {
    pusher.interrupt();
    Fx.call(
        () -> {
          view.srcObject(null);
          stage.close();
          return null;
        });
    source.track().stop();
    source.close();
  }

  private static byte[] halves(int w, int h) {
    byte[] rgba = new byte[w * h * 4];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * 4;
        boolean left = x < w / 2;
        rgba[i] = (byte) (left ? 255 : 0);
        rgba[i + 1] = (byte) (left ? 0 : 255);
        rgba[i + 3] = (byte) 255;
      }
    }
    return rgba;
  }

  /** 'R', 'G', 'B' for the nearest of red, green, blue; '?' for anything else. */
  private static char classify(int argb) {
    int r = (argb >> 16) & 0xff;
    int g = (argb >> 8) & 0xff;
    int b = argb & 0xff;
    Map<Character, int[]> colours =
        Map.of('R', new int[] {255, 0, 0}, 'G', new int[] {0, 255, 0}, 'B', new int[] {0, 0, 255});
    for (var e : colours.entrySet()) {
      int[] c = e.getValue();
      if (Math.abs(r - c[0]) < 60 && Math.abs(g - c[1]) < 60 && Math.abs(b - c[2]) < 60) {
        return e.getKey();
      }
    }
    return '?';
  }

  /** The classes of the given points (x, y pairs) in a snapshot of the scene. */
  private String sample(int... points) throws Exception {
    Image shot = Fx.call(() -> stage.getScene().snapshot(null));
    StringBuilder out = new StringBuilder();
    StringBuilder raw = new StringBuilder();
    for (int i = 0; i < points.length; i += 2) {
      int argb = shot.getPixelReader().getArgb(points[i], points[i + 1]);
      out.append(classify(argb));
      raw.append(String.format(" %08x", argb));
    }
    lastRaw = raw.toString();
    Snapshots.save(shot, "target/videoview-last.png");
    return out.toString();
  }

  private void awaitSample(String expected, int... points) {
    List<String> seen = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              String got = sample(points);
              if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(got)) {
                seen.add(got);
              }
              assertThat(got)
                  .as("pixels (history %s, last ARGB%s)", seen, lastRaw)
                  .isEqualTo(expected);
            });
  }

  private void fit(ObjectFit fit) {
    view.objectFit(fit);
  }

  @Test
  void drawsEachObjectFitMirrorAResolutionChangeAndNothingAfterTheTrackEnds() throws Exception {
    AtomicInteger resizes = new AtomicInteger();
    view.onresize(e -> resizes.incrementAndGet());
    assertThat(view.videoWidth()).isZero();
    view.srcObject(new MediaStream(List.of(source.track())));

    // contain (default): 120x120 in the middle, blue bars left and right; colour order R, G.
    awaitSample("BRGB", 30, 60, 90, 60, 150, 60, 210, 60);
    assertThat(view.videoWidth()).isEqualTo(60);
    assertThat(view.videoHeight()).isEqualTo(60);
    assertThat(resizes).hasValue(1);

    view.mirror(true);
    awaitSample("BGRB", 30, 60, 90, 60, 150, 60, 210, 60);
    view.mirror(false);

    // cover: 240x240 centred, clipped: no background anywhere, left red, right green.
    fit(ObjectFit.COVER);
    awaitSample("RRGG", 5, 5, 110, 115, 130, 5, 235, 115);

    // fill: stretched to 240x120.
    fit(ObjectFit.FILL);
    awaitSample("RRGG", 5, 5, 110, 60, 130, 60, 235, 115);

    // none: 60x60 at its own size, centred (90..150 x 30..90).
    fit(ObjectFit.NONE);
    awaitSample("BRGBB", 80, 60, 100, 60, 140, 60, 160, 60, 120, 20);

    // scale-down of a small video: as none.
    fit(ObjectFit.SCALE_DOWN);
    awaitSample("BRGBB", 80, 60, 100, 60, 140, 60, 160, 60, 120, 20);

    // Resolution change mid-stream to 480x480: scale-down is now contain (60..180).
    size = new int[] {480, 480};
    awaitSample("BRGB", 50, 60, 70, 60, 170, 60, 190, 60);
    assertThat(view.videoWidth()).isEqualTo(480);
    assertThat(resizes).hasValue(2);

    // And to 360x60 (6:1) with contain: 240x40 band (y 40..80), blue above and below.
    fit(ObjectFit.CONTAIN);
    size = new int[] {360, 60};
    awaitSample("BRGB", 60, 30, 60, 60, 180, 60, 180, 90);
    assertThat(view.videoHeight()).isEqualTo(60);
    assertThat(resizes).hasValue(3);
    assertThat(view.getVideoPlaybackQuality().totalVideoFrames()).isGreaterThan(10);

    // The track ends (the application stops it: no "ended" event): nothing is drawn.
    source.track().stop();
    awaitSample("BBBB", 5, 60, 60, 60, 180, 60, 235, 60);

    view.srcObject(null);
    await().atMost(Duration.ofSeconds(5)).until(() -> view.videoWidth() == 0);
  }

  @Test
  void aTrackAddedToTheStreamLaterIsShownAndAStreamWithoutVideoDrawsNothing() throws Exception {
    MediaStream stream = new MediaStream();
    view.srcObject(stream);
    Thread.sleep(500);
    assertThat(sample(30, 60, 120, 60, 210, 60)).isEqualTo("BBB");
    assertThat(view.videoWidth()).isZero();
    stream.addTrack(source.track());
    awaitSample("BRGB", 30, 60, 90, 60, 150, 60, 210, 60);
  }
}

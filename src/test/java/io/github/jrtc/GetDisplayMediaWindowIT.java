package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.jrtc.internal.capture.NativeCapture;
import io.github.jrtc.media.DisplaySurface;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.media.VideoFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * getDisplayMedia captures one X11 window (deviceId "window:&lt;xid&gt;"): a Tk window of a known
 * colour and size on the Xvfb display of scripts/media-services, which runs no window manager.
 * Without one, libwebrtc's window capturer makes a request the server answers with BadAtom, which
 * Xlib's default handler turns into exit(): these tests also prove the JVM lives on.
 */
class GetDisplayMediaWindowIT {
  private static final int W = 320;
  private static final int H = 240;

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final MediaDevices md = Navigator.mediaDevices();

  @AfterEach
  void close() throws Exception {
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  private static int[] centre(VideoFrame f) {
    int x = f.width() / 2;
    int y = f.height() / 2;
    int u = f.dataU().get((y / 2) * f.strideU() + x / 2) & 0xff;
    int v = f.dataV().get((y / 2) * f.strideV() + x / 2) & 0xff;
    return new int[] {f.lumaAt(x, y), u, v};
  }

  // BT.601 studio range (libyuv): green is Y 145 U 54 V 34, blue Y 41 U 240 V 110.
  private static boolean isGreen(int[] yuv) {
    return yuv != null && Math.abs(yuv[0] - 145) < 25 && yuv[1] < 90 && yuv[2] < 80;
  }

  private static boolean isBlue(int[] yuv) {
    return yuv != null && Math.abs(yuv[0] - 41) < 25 && yuv[1] > 200 && yuv[2] < 140;
  }

  private static DisplayMediaStreamOptions window(ColourWindow w) {
    return DisplayMediaStreamOptions.builder()
        .video(MediaTrackConstraints.builder().deviceId(w.deviceId()).build())
        .build();
  }

  @Test
  void capturesOneWindowAndSendsItOverALoopbackCall() throws Exception {
    // The root window red: a capture of the screen instead of the window would show red.
    MediaServices.run("xsetroot", "-solid", "#ff0000");
    ColourWindow win = ColourWindow.open(W, H, "#00ff00");
    cleanup.add(win);
    MediaStream stream = md.getDisplayMedia(window(win)).get(20, TimeUnit.SECONDS);
    MediaStreamTrack track = stream.getVideoTracks().get(0);
    cleanup.add(track::stop);
    MediaTrackSettings s = track.getSettings();
    assertThat(s.displaySurface()).isEqualTo("window");
    assertThat(s.deviceId()).isEqualTo(win.deviceId());
    assertThat(s.width()).isEqualTo(W);
    assertThat(s.height()).isEqualTo(H);
    assertThat(track.label()).startsWith("window 0x" + Long.toHexString(win.xid()));

    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    cleanup.add(a::close);
    cleanup.add(b::close);
    AtomicReference<int[]> colour = new AtomicReference<>();
    AtomicReference<String> size = new AtomicReference<>();
    AtomicInteger frames = new AtomicInteger();
    b.ontrack(
        e ->
            cleanup.add(
                TrackSinks.addVideoSink(
                    e.track(),
                    f -> {
                      frames.incrementAndGet();
                      size.set(f.width() + "x" + f.height());
                      colour.set(centre(f));
                    })));
    a.addTrack(track, stream);
    Peers.trickle(a, b);
    Peers.negotiate(a, b).get(15, TimeUnit.SECONDS);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(colour.get()).matches(GetDisplayMediaWindowIT::isGreen));
    assertThat(size.get()).as("received frame size").isEqualTo(W + "x" + H);

    // Live: a repaint of the window reaches the remote peer.
    win.paint("#0000ff");
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(colour.get()).matches(GetDisplayMediaWindowIT::isBlue));
    // A still window is sent at a low rate (screencast content): only arrival is asserted.
    assertThat(frames.get()).isGreaterThanOrEqualTo(2);

    track.stop();
    assertThat(NativeCapture.liveVideoCaptures()).as("the window capturer stopped").isZero();
  }

  @Test
  void aListedWindowIsSharedByItsDeviceIdAndLeavesTheListWhenClosed() throws Exception {
    MediaServices.run("xsetroot", "-solid", "#ff0000");
    List<String> before = DisplaySurface.windows().stream().map(DisplaySurface::deviceId).toList();
    ColourWindow win = ColourWindow.open(W, H, "#00ff00");
    cleanup.add(win);
    // Listed once, as the top-level window (Tk's wrapper around the XID the script prints).
    List<DisplaySurface> added =
        DisplaySurface.windows().stream().filter(w -> !before.contains(w.deviceId())).toList();
    assertThat(added)
        .as("windows listed since the colour window opened")
        .hasSize(1)
        .allSatisfy(
            w -> {
              assertThat(w.label()).isEqualTo("jrtc colour window");
              assertThat(w.displaySurface()).isEqualTo("window");
              assertThat(w.width()).isEqualTo(W);
              assertThat(w.height()).isEqualTo(H);
              assertThat(w.deviceId()).startsWith(MediaDevices.WINDOW_DEVICE_PREFIX + "0x");
            });
    DisplaySurface listed = added.get(0);

    MediaStream stream =
        md.getDisplayMedia(
                DisplayMediaStreamOptions.builder()
                    .video(MediaTrackConstraints.builder().deviceId(listed.deviceId()).build())
                    .build())
            .get(20, TimeUnit.SECONDS);
    MediaStreamTrack track = stream.getVideoTracks().get(0);
    cleanup.add(track::stop);
    assertThat(track.getSettings().displaySurface()).isEqualTo("window");
    AtomicReference<int[]> colour = new AtomicReference<>();
    cleanup.add(TrackSinks.addVideoSink(track, f -> colour.set(centre(f))));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(colour.get()).matches(GetDisplayMediaWindowIT::isGreen));
    track.stop();

    win.close();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(DisplaySurface.windows())
                    .extracting(DisplaySurface::deviceId)
                    .doesNotContain(listed.deviceId()));
  }

  @Test
  void aWindowThatDoesNotExistIsNotFound() throws Exception {
    CompletableFuture<MediaStream> f =
        md.getDisplayMedia(
            DisplayMediaStreamOptions.builder()
                .video(MediaTrackConstraints.builder().deviceId("window:0x7ffffff0").build())
                .build());
    try {
      f.get(20, TimeUnit.SECONDS);
      throw new AssertionError("captured a window that does not exist");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(DOMException.class);
      assertThat(((DOMException) e.getCause()).name()).isEqualTo("NotFoundError");
    }
    assertThat(NativeCapture.liveVideoCaptures()).isZero();
  }

  @Test
  void aMalformedWindowIdIsATypeError() {
    CompletableFuture<MediaStream> f =
        md.getDisplayMedia(
            DisplayMediaStreamOptions.builder()
                .video(MediaTrackConstraints.builder().deviceId("window:nope").build())
                .build());
    try {
      f.get(5, TimeUnit.SECONDS);
      throw new AssertionError("accepted window:nope");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(TypeError.class);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * In a child JVM (so that an exit cannot take the test run with it): without a window manager the
   * capturer's BadAtom reaches jrtc's X11 error handler, and the JVM goes on capturing.
   */
  @Test
  void withoutAWindowManagerTheJvmSurvivesWindowCapture() throws Exception {
    // A display of its own: once any toolkit (GTK, JavaFX) has interned WM_STATE on the shared
    // display, the capturer's read no longer fails, and this test's premise is gone.
    try (PrivateDisplay display = PrivateDisplay.start();
        ColourWindow win = ColourWindow.open(W, H, "#00ff00", display.name())) {
      ChildJvm.Result r =
          ChildJvm.run(
              java.util.Map.of("DISPLAY", display.name()),
              60,
              List.of(),
              WindowCaptureProbe.class.getName(),
              win.deviceId());
      checkSurvived(r);
    }
  }

  private static void checkSurvived(ChildJvm.Result r) {
    assertThat(r.timedOut()).as(r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isZero();
    String line =
        r.lines().stream().filter(l -> l.startsWith("captured ")).findFirst().orElse(null);
    assertThat(line).as(r.output()).isNotNull();
    assertThat(line).contains("surface=window", "guard=INSTALLED").doesNotContain("frames=0 ");
    // The error that Xlib's default handler would have made an exit: BadAtom (5) of GetProperty
    // (request 20), from the WM_STATE read.
    assertThat(line).contains("last=error 5, request 20.");
  }

  /**
   * After a toolkit installed its X error handler (JavaFX's GTK, as in the desktop app) jrtc cannot
   * check that a window exists, so libwebrtc's capturer gets to fail selecting it; webrtc-java then
   * ends the source from its capture thread, and a track already observing the source took the JVM
   * down with a SIGSEGV (docs/reliability.md). jrtc attaches the track only to a selected source:
   * NotFoundError, and the JVM lives.
   */
  @Test
  void aMissingWindowAfterAToolkitsErrorHandlerIsNotFoundAndTheJvmLives() throws Exception {
    ChildJvm.Result r =
        ChildJvm.run(
            60,
            List.of("-Dprism.order=sw"),
            WindowCaptureProbe.class.getName(),
            "window:0x7ffffff0",
            "--javafx");
    assertThat(r.timedOut()).as(r.output()).isFalse();
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output())
        .contains("refused", "NotFoundError", "guard=OTHER_HANDLER")
        .doesNotContain("SIGSEGV");
  }

  /** With the guard turned off, window capture is refused, not attempted. */
  @Test
  void withoutTheGuardWindowCaptureIsRefused() throws Exception {
    ColourWindow win = ColourWindow.open(W, H, "#00ff00");
    cleanup.add(win);
    ChildJvm.Result r =
        ChildJvm.run(
            60,
            List.of("-Djrtc.x11Guard=false"),
            WindowCaptureProbe.class.getName(),
            win.deviceId());
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(r.output()).contains("refused").contains("NotReadableError");
  }
}

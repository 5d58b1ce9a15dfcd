package io.github.jrtc;

import io.github.jrtc.internal.jni.NativeX11Guard;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * Child-JVM main for {@link GetDisplayMediaWindowIT}: captures the window {@code args[0]} names (a
 * getDisplayMedia deviceId) for two seconds and prints what happened. A JVM that Xlib's default
 * error handler ended prints nothing after "capturing". With {@code --javafx} as {@code args[1]}
 * JavaFX starts first.
 */
public final class WindowCaptureProbe {
  private WindowCaptureProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[1].equals("--javafx")) {
      // A toolkit first, as in the desktop app: JavaFX's GTK installs its own X error handler.
      CountDownLatch up = new CountDownLatch(1);
      Platform.startup(up::countDown);
      if (!up.await(30, TimeUnit.SECONDS)) {
        System.out.println("JavaFX did not start");
        System.exit(3);
      }
    }
    MediaDevices md = Navigator.mediaDevices();
    System.out.println("capturing " + args[0]);
    MediaStream stream;
    try {
      stream =
          md.getDisplayMedia(
                  DisplayMediaStreamOptions.builder()
                      .video(MediaTrackConstraints.builder().deviceId(args[0]).build())
                      .build())
              .get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      System.out.println("refused " + e.getCause() + " guard=" + NativeX11Guard.ensureInstalled());
      System.exit(0);
      return;
    }
    MediaStreamTrack track = stream.getVideoTracks().get(0);
    AtomicInteger frames = new AtomicInteger();
    try (SinkRegistration reg = TrackSinks.addVideoSink(track, f -> frames.incrementAndGet())) {
      Thread.sleep(2000);
    }
    track.stop();
    System.out.println(
        "captured frames="
            + frames.get()
            + " surface="
            + track.getSettings().displaySurface()
            + " guard="
            + NativeX11Guard.ensureInstalled()
            + " x11errors="
            + NativeX11Guard.errors()
            + " last="
            + NativeX11Guard.lastError());
    System.exit(0);
  }
}

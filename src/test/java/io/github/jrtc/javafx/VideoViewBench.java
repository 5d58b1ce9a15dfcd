package io.github.jrtc.javafx;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import io.github.jrtc.MediaStream;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.media.VideoFrame;
import io.github.jrtc.media.VideoFrameSource;
import io.github.jrtc.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * What a {@link VideoView} costs per 1280x720 frame and what frame rate it keeps up with. Part 1: a
 * native I420 frame (libwebrtc's buffer, as a remote track delivers) converted by {@link
 * VideoFrame#copyTo} into a PixelBuffer's direct buffer inside {@code updateBuffer}, on the FX
 * thread, exactly the view's per-frame work (the software renderer's paint on the next pulse is not
 * included). Part 2: a real call in the network namespace, a 30 fps 1280x720 track shown in a
 * 640x360 view, counted with {@code getVideoPlaybackQuality()} over 10 s. Needs DISPLAY (Xvfb):
 *
 * <pre>
 * mvn -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *   -Dmdep.outputFile=target/cp.txt
 * JRTC_NETNS=jrtc-NAME scripts/netns-jdk/bin/java -Dprism.order=sw \
 *   -cp target/test-classes:target/classes:$(cat target/cp.txt) io.github.jrtc.javafx.VideoViewBench
 * </pre>
 */
public final class VideoViewBench {
  private static final int W = 1280;
  private static final int H = 720;

  private VideoViewBench() {}

  public static void main(String[] args) throws Exception {
    Fx.start();
    perFrameCost(600);
    viewFps();
    System.exit(0);
  }

  private static void perFrameCost(int frames) throws Exception {
    // Creating a connection loads webrtc-java's native library (NativeI420Buffer needs it).
    new RTCPeerConnection().close();
    NativeI420Buffer nativeBuffer = NativeI420Buffer.allocate(W, H);
    ByteBuffer y = nativeBuffer.getDataY();
    for (int i = 0; i < y.capacity(); i++) {
      y.put(i, (byte) (i % 251));
    }
    VideoFrame frame =
        new VideoFrame(
            W,
            H,
            nativeBuffer.getDataY(),
            nativeBuffer.getStrideY(),
            nativeBuffer.getDataU(),
            nativeBuffer.getStrideU(),
            nativeBuffer.getDataV(),
            nativeBuffer.getStrideV(),
            0,
            0,
            nativeBuffer::release);
    long[] nanos =
        Fx.call(
            () -> {
              PixelBuffer<ByteBuffer> pixels =
                  new PixelBuffer<>(
                      W,
                      H,
                      ByteBuffer.allocateDirect(W * H * 4),
                      PixelFormat.getByteBgraPreInstance());
              new WritableImage(pixels);
              long[] out = new long[frames];
              for (int i = 0; i < frames; i++) {
                long t0 = System.nanoTime();
                pixels.updateBuffer(
                    b -> {
                      frame.copyTo(b.getBuffer().clear(), VideoPixelFormat.BGRA);
                      return null;
                    });
                out[i] = System.nanoTime() - t0;
              }
              return out;
            });
    frame.release();
    long[] measured = Arrays.copyOfRange(nanos, 100, nanos.length);
    Arrays.sort(measured);
    System.out.printf(
        "per 1280x720 frame, native I420 -> updated PixelBuffer (%d frames after 100 warm-up):"
            + " p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
        measured.length,
        measured[measured.length / 2] / 1e6,
        measured[measured.length * 9 / 10] / 1e6,
        measured[measured.length * 99 / 100] / 1e6,
        measured[measured.length - 1] / 1e6);
  }

  private static void trickle(io.github.jrtc.RTCPeerConnectionIceEvent e, RTCPeerConnection to) {
    var added =
        e.candidate() == null ? to.addIceCandidate() : to.addIceCandidate(e.candidate().toInit());
    added.exceptionally(
        err -> {
          System.err.println("addIceCandidate failed: " + err);
          return null;
        });
  }

  private static void viewFps() throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    VideoFrameSource source = new VideoFrameSource(30);
    VideoView view = Fx.call(VideoView::new);
    Stage stage =
        Fx.call(
            () -> {
              Stage s = new Stage();
              s.setScene(new Scene(new StackPane(view), 640, 360));
              s.show();
              return s;
            });
    a.addTrack(source.track(), new MediaStream());
    b.ontrack(e -> view.srcObject(e.streams().get(0)));
    a.onicecandidate(e -> trickle(e, b));
    b.onicecandidate(e -> trickle(e, a));
    Thread pusher =
        new Thread(
            () -> {
              byte[] rgba = new byte[W * H * 4];
              long start = System.nanoTime();
              for (int n = 0; !Thread.currentThread().isInterrupted(); n++) {
                int bar = (n * 16) % W;
                Arrays.fill(rgba, (byte) 40);
                for (int row = 0; row < H; row++) {
                  Arrays.fill(
                      rgba, (row * W + bar) * 4, (row * W + Math.min(W, bar + 64)) * 4, (byte) 220);
                }
                source.pushRgba(W, H, rgba);
                long next = start + (n + 1) * 1_000_000_000L / 30;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                  try {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              }
            },
            "bench-pusher");
    pusher.setDaemon(true);
    pusher.start();
    a.createOffer()
        .thenCompose(a::setLocalDescription)
        .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
        .thenCompose(v -> b.createAnswer())
        .thenCompose(b::setLocalDescription)
        .thenCompose(v -> a.setRemoteDescription(b.localDescription()))
        .get(20, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (b.connectionState() != RTCPeerConnectionState.CONNECTED
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    // Let the encoder ramp up to 720p before counting.
    Thread.sleep(8000);
    VideoPlaybackQuality q0 = view.getVideoPlaybackQuality();
    long t0 = System.nanoTime();
    Thread.sleep(10_000);
    VideoPlaybackQuality q1 = view.getVideoPlaybackQuality();
    double s = (System.nanoTime() - t0) / 1e9;
    long total = q1.totalVideoFrames() - q0.totalVideoFrames();
    long dropped = q1.droppedVideoFrames() - q0.droppedVideoFrames();
    System.out.printf(
        "view of a 30 fps remote track: %.1f frames/s received, %.1f drawn, %d dropped in %.1f s"
            + " (video %dx%d)%n",
        total / s, (total - dropped) / s, dropped, s, view.videoWidth(), view.videoHeight());
    pusher.interrupt();
    Fx.call(
        () -> {
          view.srcObject(null);
          stage.close();
          return null;
        });
    a.close();
    b.close();
    source.close();
  }
}

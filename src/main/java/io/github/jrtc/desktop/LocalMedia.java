package io.github.jrtc.desktop;

import io.github.jrtc.ConstrainDOMString;
import io.github.jrtc.DisplayMediaStreamOptions;
import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamConstraints;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.MediaTrackConstraints;
import io.github.jrtc.Navigator;
import io.github.jrtc.media.DisplaySurface;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's own microphone, camera (or test pattern) and screen tracks. {@link #sent()} is the
 * stream the calls send (its tracks change as devices are switched); {@link #preview()} holds only
 * the video being sent, for the mirrored preview. Switching a device opens the new track first and
 * stops the old one after, so a call never sends nothing in between. FX thread only.
 */
final class LocalMedia implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalMedia.class);

  private final MediaStream sent = new MediaStream();
  private final MediaStream preview = new MediaStream();
  private MediaStreamTrack microphone;
  private MediaStreamTrack camera;
  private MediaStreamTrack screen;
  // Test patterns by their track: stopping such a track also stops its generator.
  private final java.util.Map<MediaStreamTrack, TestPatternCamera> patterns =
      new java.util.HashMap<>();
  private boolean muted;
  private boolean cameraOff;

  MediaStream sent() {
    return sent;
  }

  MediaStream preview() {
    return preview;
  }

  MediaStreamTrack audioTrack() {
    return microphone;
  }

  /** What is sent as video: the screen while sharing, else the camera. */
  MediaStreamTrack videoTrack() {
    return screen != null ? screen : camera;
  }

  boolean sharing() {
    return screen != null;
  }

  /** Opens the microphone {@code deviceId} (null: the default). */
  CompletableFuture<MediaStreamTrack> openMicrophone(String deviceId) {
    MediaTrackConstraints c =
        deviceId == null
            ? new MediaTrackConstraints()
            : MediaTrackConstraints.builder().deviceId(ConstrainDOMString.exact(deviceId)).build();
    return Navigator.mediaDevices()
        .getUserMedia(MediaStreamConstraints.builder().audio(c).build())
        .thenApply(s -> s.getAudioTracks().get(0));
  }

  /**
   * Opens the camera {@code deviceId}, or the test pattern for {@link TestPatternCamera#DEVICE_ID};
   * null opens the default camera, or the test pattern where there is none.
   */
  CompletableFuture<MediaStreamTrack> openCamera(String deviceId) {
    if (deviceId == null) {
      return Navigator.mediaDevices()
          .getUserMedia(MediaStreamConstraints.builder().video(true).build())
          .thenApply(s -> s.getVideoTracks().get(0))
          .exceptionallyCompose(err -> openCamera(TestPatternCamera.DEVICE_ID));
    }
    if (TestPatternCamera.DEVICE_ID.equals(deviceId)) {
      TestPatternCamera p = new TestPatternCamera();
      patterns.put(p.track(), p);
      return CompletableFuture.completedFuture(p.track());
    }
    MediaTrackConstraints c =
        MediaTrackConstraints.builder().deviceId(ConstrainDOMString.exact(deviceId)).build();
    return Navigator.mediaDevices()
        .getUserMedia(MediaStreamConstraints.builder().video(c).build())
        .thenApply(s -> s.getVideoTracks().get(0));
  }

  /**
   * Shares {@code surface}: a window ({@link DisplaySurface#deviceId()} as getDisplayMedia's
   * deviceId), or the whole screen when null.
   */
  CompletableFuture<MediaStreamTrack> openScreen(DisplaySurface surface) {
    DisplayMediaStreamOptions options =
        surface == null || surface.deviceId() == null
            ? DisplayMediaStreamOptions.builder().video(true).build()
            : DisplayMediaStreamOptions.builder()
                .video(MediaTrackConstraints.builder().deviceId(surface.deviceId()).build())
                .build();
    return Navigator.mediaDevices()
        .getDisplayMedia(options)
        .thenApply(s -> s.getVideoTracks().get(0));
  }

  /** Makes {@code track} the microphone, stopping the previous one; returns the previous. */
  MediaStreamTrack useMicrophone(MediaStreamTrack track) {
    MediaStreamTrack old = microphone;
    microphone = track;
    track.enabled(!muted);
    swap(sent, old, track);
    stop(old);
    return old;
  }

  MediaStreamTrack useCamera(MediaStreamTrack track) {
    MediaStreamTrack old = camera;
    camera = track;
    track.enabled(!cameraOff);
    if (screen == null) {
      swap(sent, old, track);
      swap(preview, old, track);
    }
    stop(old);
    return old;
  }

  /** Makes {@code track} the shared screen or window, stopping what was shared before. */
  void useScreen(MediaStreamTrack track) {
    MediaStreamTrack shown = videoTrack();
    MediaStreamTrack before = screen;
    screen = track;
    swap(sent, shown, track);
    swap(preview, shown, track);
    if (before != null && before != track) {
      stop(before);
    }
  }

  /** Stops sharing; the camera is sent again. */
  void stopScreen() {
    if (screen == null) {
      return;
    }
    MediaStreamTrack s = screen;
    screen = null;
    swap(sent, s, camera);
    swap(preview, s, camera);
    stop(s);
  }

  void mute(boolean value) {
    muted = value;
    if (microphone != null) {
      microphone.enabled(!value);
    }
  }

  /** The camera sends black while off (browsers' track.enabled = false), the preview too. */
  void cameraOff(boolean value) {
    cameraOff = value;
    if (camera != null) {
      camera.enabled(!value);
    }
  }

  private static void swap(MediaStream stream, MediaStreamTrack old, MediaStreamTrack next) {
    if (old != null) {
      stream.removeTrack(old);
    }
    if (next != null) {
      stream.addTrack(next);
    }
  }

  private void stop(MediaStreamTrack t) {
    TestPatternCamera p = patterns.remove(t);
    if (p != null) {
      p.close();
    } else if (t != null) {
      t.stop();
    }
  }

  @Override
  public void close() {
    for (MediaStreamTrack t : new MediaStreamTrack[] {microphone, camera, screen}) {
      try {
        stop(t);
      } catch (RuntimeException e) {
        LOG.debug("stopping {}", t, e);
      }
    }
    for (TestPatternCamera p : patterns.values()) {
      p.close();
    }
    patterns.clear();
  }
}

package io.github.jrtc.javafx;

import io.github.jrtc.Event;
import io.github.jrtc.EventHandler;
import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.MediaStreamTrackEvent;
import io.github.jrtc.MediaStreamTrackState;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.media.VideoFrame;
import io.github.jrtc.media.VideoPixelFormat;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Affine;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JavaFX node that plays a {@link MediaStream}'s video, as HTML's {@code <video>} element does
 * with {@code srcObject}:
 *
 * <pre>{@code
 * var view = new VideoView();
 * pc.ontrack(e -> view.srcObject(e.streams().get(0)));
 * var preview = new VideoView();
 * preview.mirror(true);
 * preview.srcObject(localStream);
 * }</pre>
 *
 * It shows the stream's first live video track and follows the stream's track changes and the
 * track's end. Where the video does not cover the node (letterbox, no track, an ended track) it
 * draws nothing, so the node's background shows.
 *
 * <p>Threads: the setters may be called from any thread (an {@code ontrack} handler runs on the
 * connection's event queue); everything touching the scene graph runs on the FX application thread.
 * The track's media thread only keeps the newest frame and, if none is pending, asks the FX thread
 * to draw it: it never waits for the FX thread, and a frame replaced before it was drawn is
 * released at once. The FX thread converts the frame once, from I420 straight into the direct
 * buffer of a {@link PixelBuffer} (libyuv, {@link VideoFrame#copyTo}), shown through one {@link
 * WritableImage} that is only re-created when the video size changes.
 */
public class VideoView extends Region {
  private static final Logger LOG = LoggerFactory.getLogger(VideoView.class);
  // A track the application stop()s fires no "ended", and stream.addTrack() no "addtrack": the
  // view looks at the stream this often as well as listening to its events.
  private static final Duration WATCH_INTERVAL = Duration.millis(250);

  private final ImageView picture = new ImageView();
  private final Rectangle clip = new Rectangle();
  private final Affine placement = new Affine();
  private final AtomicReference<Pending> pending = new AtomicReference<>();
  private final AtomicBoolean drawQueued = new AtomicBoolean();
  private final AtomicLong totalFrames = new AtomicLong();
  private final AtomicLong droppedFrames = new AtomicLong();
  private final EventHandler<MediaStreamTrackEvent> tracksChanged = e -> onFx(this::selectTrack);
  private final EventHandler<Event> trackEnded = e -> onFx(this::selectTrack);
  private final Timeline watch;

  private volatile MediaStream srcObject;
  private volatile ObjectFit objectFit = ObjectFit.CONTAIN;
  private volatile boolean mirror;
  private volatile int videoWidth;
  private volatile int videoHeight;
  private volatile EventHandler<Event> onresize;

  // FX application thread only.
  private MediaStream boundStream;
  private Binding binding;
  private PixelBuffer<ByteBuffer> pixels;
  private int rotation;

  /** An empty view: no source, {@link ObjectFit#CONTAIN}, not mirrored. */
  public VideoView() {
    picture.setManaged(false);
    picture.setPreserveRatio(false);
    picture.setSmooth(true);
    picture.setVisible(false);
    picture.getTransforms().add(placement);
    getChildren().add(picture);
    setClip(clip);
    watch = new Timeline(new KeyFrame(WATCH_INTERVAL, e -> selectTrack()));
    watch.setCycleCount(Animation.INDEFINITE);
  }

  /**
   * The stream shown, or null.
   *
   * @return the stream last given to {@link #srcObject(MediaStream)}, or null
   */
  public MediaStream srcObject() {
    return srcObject;
  }

  /**
   * Shows {@code stream}'s first live video track; null clears the view. Any thread.
   *
   * @param stream the stream to play, or null
   */
  public void srcObject(MediaStream stream) {
    srcObject = stream;
    onFx(this::bindStream);
  }

  /**
   * How the video is sized in the node's box.
   *
   * @return the current fit, {@link ObjectFit#CONTAIN} unless set
   */
  public ObjectFit objectFit() {
    return objectFit;
  }

  /**
   * CSS {@code object-fit}; null is a TypeError. Any thread.
   *
   * @param fit how to size the video in the node's box
   * @throws io.github.jrtc.TypeError if {@code fit} is null
   */
  public void objectFit(ObjectFit fit) {
    if (fit == null) {
      throw new io.github.jrtc.TypeError("objectFit must not be null");
    }
    objectFit = fit;
    onFx(this::requestLayout);
  }

  /**
   * Whether the picture is flipped left to right.
   *
   * @return true if mirrored; false unless set
   */
  public boolean mirror() {
    return mirror;
  }

  /**
   * Flips the picture left to right (a local camera preview, as a mirror shows it). Any thread.
   *
   * @param value true to mirror the picture, false to show it as received
   */
  public void mirror(boolean value) {
    mirror = value;
    onFx(this::requestLayout);
  }

  /**
   * The video's width after rotation, in pixels; 0 before the first frame (as HTML's).
   *
   * @return the displayed width in pixels, or 0
   */
  public int videoWidth() {
    return videoWidth;
  }

  /**
   * The video's height after rotation, in pixels; 0 before the first frame (as HTML's).
   *
   * @return the displayed height in pixels, or 0
   */
  public int videoHeight() {
    return videoHeight;
  }

  /**
   * Called on the FX application thread when {@link #videoWidth()} or {@link #videoHeight()}
   * change.
   *
   * @param handler the handler, or null to remove it
   */
  public void onresize(EventHandler<Event> handler) {
    onresize = handler;
  }

  /**
   * Frames received since the source was set, and how many were replaced before being drawn.
   *
   * @return a snapshot of the counters, taken now
   */
  public VideoPlaybackQuality getVideoPlaybackQuality() {
    return new VideoPlaybackQuality(
        System.currentTimeMillis(), droppedFrames.get(), totalFrames.get());
  }

  // ------------------------------------------------------------------ source and track (FX)

  private void bindStream() {
    MediaStream stream = srcObject;
    if (stream != boundStream) {
      if (boundStream != null) {
        boundStream.removeEventListener("addtrack", tracksChanged);
        boundStream.removeEventListener("removetrack", tracksChanged);
      }
      boundStream = stream;
      totalFrames.set(0);
      droppedFrames.set(0);
      if (stream != null) {
        stream.addEventListener("addtrack", tracksChanged);
        stream.addEventListener("removetrack", tracksChanged);
      }
    }
    selectTrack();
    if (stream == null) {
      watch.stop();
      videoWidth = 0;
      videoHeight = 0;
    } else {
      watch.play();
    }
  }

  private void selectTrack() {
    MediaStreamTrack next = null;
    if (boundStream != null) {
      for (MediaStreamTrack t : boundStream.getVideoTracks()) {
        if (t.readyState() == MediaStreamTrackState.LIVE) {
          next = t;
          break;
        }
      }
    }
    if (binding != null && binding.track == next) {
      return;
    }
    if (binding != null) {
      binding.close();
      binding = null;
    }
    hidePicture();
    if (next != null) {
      try {
        binding = new Binding(next);
      } catch (RuntimeException e) {
        // Ended between the check and the sink (InvalidStateError): shown as no track.
        LOG.debug("Could not attach to {}", next, e);
      }
    }
  }

  private void hidePicture() {
    picture.setVisible(false);
    picture.setImage(null);
    pixels = null;
  }

  /** The sink on one track; frames of a closed binding are dropped. */
  private final class Binding {
    final MediaStreamTrack track;
    final SinkRegistration sink;
    volatile boolean active = true;

    Binding(MediaStreamTrack track) {
      this.track = track;
      this.sink = TrackSinks.addVideoSink(track, frame -> onFrame(this, frame));
      track.addEventListener("ended", trackEnded);
    }

    void close() {
      active = false;
      track.removeEventListener("ended", trackEnded);
      sink.close();
    }
  }

  // ------------------------------------------------------------------ frames

  private record Pending(Binding binding, VideoFrame frame) {}

  /** On the track's media thread: keep the newest frame, never wait. */
  private void onFrame(Binding from, VideoFrame frame) {
    if (!from.active) {
      return;
    }
    frame.retain();
    totalFrames.incrementAndGet();
    Pending previous = pending.getAndSet(new Pending(from, frame));
    if (previous != null) {
      previous.frame.release();
      droppedFrames.incrementAndGet();
    }
    if (!drawQueued.getAndSet(true)) {
      try {
        Platform.runLater(this::drawPending);
      } catch (IllegalStateException e) {
        // The FX toolkit is gone: nothing will draw again.
        drawQueued.set(false);
        Pending p = pending.getAndSet(null);
        if (p != null) {
          p.frame.release();
        }
      }
    }
  }

  private void drawPending() {
    drawQueued.set(false);
    Pending p = pending.getAndSet(null);
    if (p == null) {
      return;
    }
    try {
      if (p.binding == binding && p.binding.active) {
        draw(p.frame);
      }
    } catch (RuntimeException e) {
      LOG.warn("Drawing a video frame failed", e);
    } finally {
      p.frame.release();
    }
  }

  private void draw(VideoFrame frame) {
    int w = frame.width();
    int h = frame.height();
    if (pixels == null || pixels.getWidth() != w || pixels.getHeight() != h) {
      pixels =
          new PixelBuffer<>(
              w, h, ByteBuffer.allocateDirect(w * h * 4), PixelFormat.getByteBgraPreInstance());
      picture.setImage(new WritableImage(pixels));
    }
    pixels.updateBuffer(
        b -> {
          frame.copyTo(b.getBuffer().clear(), VideoPixelFormat.BGRA);
          return null;
        });
    int r = Math.floorMod(frame.rotation(), 360);
    boolean quarter = r % 180 != 0;
    int vw = quarter ? h : w;
    int vh = quarter ? w : h;
    boolean resized = vw != videoWidth || vh != videoHeight;
    if (resized || r != rotation || !picture.isVisible()) {
      rotation = r;
      videoWidth = vw;
      videoHeight = vh;
      picture.setVisible(true);
      requestLayout();
    }
    if (resized) {
      EventHandler<Event> handler = onresize;
      if (handler != null) {
        try {
          handler.handle(new Event("resize"));
        } catch (RuntimeException e) {
          LOG.warn("onresize handler threw", e);
        }
      }
    }
  }

  // ------------------------------------------------------------------ layout (FX)

  @Override
  protected void layoutChildren() {
    double boxWidth = getWidth();
    double boxHeight = getHeight();
    clip.setWidth(boxWidth);
    clip.setHeight(boxHeight);
    if (!picture.isVisible() || videoWidth == 0 || videoHeight == 0) {
      return;
    }
    FitGeometry g = FitGeometry.of(objectFit, videoWidth, videoHeight, boxWidth, boxHeight);
    boolean quarter = rotation % 180 != 0;
    double imageWidth = quarter ? g.height() : g.width();
    double imageHeight = quarter ? g.width() : g.height();
    picture.setFitWidth(imageWidth);
    picture.setFitHeight(imageHeight);
    // Applied right to left: centre the image on the origin, rotate, mirror, move into place.
    placement.setToIdentity();
    placement.appendTranslation(g.x() + g.width() / 2, g.y() + g.height() / 2);
    if (mirror) {
      placement.appendScale(-1, 1);
    }
    placement.appendRotation(rotation);
    placement.appendTranslation(-imageWidth / 2, -imageHeight / 2);
  }

  @Override
  protected double computePrefWidth(double height) {
    // HTML's default object size for a video without one.
    return videoWidth > 0 ? videoWidth : 300;
  }

  @Override
  protected double computePrefHeight(double width) {
    return videoHeight > 0 ? videoHeight : 150;
  }

  private static void onFx(Runnable r) {
    if (Platform.isFxApplicationThread()) {
      r.run();
    } else {
      Platform.runLater(r);
    }
  }
}

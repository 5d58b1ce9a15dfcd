package io.github.jrtc.media;

import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.internal.bridge.TrackAccess;
import io.github.jrtc.internal.video.PacedVideoSource;
import java.nio.ByteBuffer;

/**
 * A video track fed from Java: push I420 or RGBA frames at any rate from any thread; the source
 * forwards them to libwebrtc at the configured frame rate, the newest frame winning and older
 * waiting ones dropped (libwebrtc delivers next to nothing when fed unpaced). Frames are copied on
 * push: the caller may reuse its buffers at once.
 *
 * <pre>{@code
 * try (var source = new VideoFrameSource(30)) {
 *   pc.addTrack(source.track());
 *   source.pushRgba(640, 480, pixels);
 * }
 * }</pre>
 */
public final class VideoFrameSource implements AutoCloseable {
  private final PacedVideoSource impl;
  private final MediaStreamTrack track;

  /** 30 frames per second. */
  public VideoFrameSource() {
    this(30);
  }

  /**
   * A source with the label "jrtc video".
   *
   * @param frameRate frames per second sent to libwebrtc
   */
  public VideoFrameSource(double frameRate) {
    this(frameRate, "jrtc video");
  }

  /**
   * A source with a label of its own.
   *
   * @param frameRate frames per second sent to libwebrtc
   * @param label the track's label
   */
  public VideoFrameSource(double frameRate, String label) {
    this.impl = new PacedVideoSource(frameRate, label);
    this.track = TrackAccess.create(MediaStreamTrack.class, impl.trackSource());
  }

  /**
   * The track this source feeds (clone it for more).
   *
   * @return the track
   */
  public MediaStreamTrack track() {
    return track;
  }

  /**
   * Pushes a frame given as three I420 planes (read from each buffer's position).
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @param dataY the luma plane
   * @param strideY bytes per luma row
   * @param dataU the U plane
   * @param strideU bytes per U row
   * @param dataV the V plane
   * @param strideV bytes per V row
   */
  public void pushI420(
      int width,
      int height,
      ByteBuffer dataY,
      int strideY,
      ByteBuffer dataU,
      int strideU,
      ByteBuffer dataV,
      int strideV) {
    impl.pushI420(width, height, dataY, strideY, dataU, strideU, dataV, strideV);
  }

  /**
   * Pushes a tightly packed I420 frame: Y ({@code w*h}), then U, then V.
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @param i420 the planes, one after the other
   */
  public void pushI420(int width, int height, byte[] i420) {
    int cw = (width + 1) / 2;
    int ch = (height + 1) / 2;
    if (i420.length < width * height + 2 * cw * ch) {
      throw new IllegalArgumentException("I420 data needs " + (width * height + 2 * cw * ch));
    }
    ByteBuffer all = ByteBuffer.wrap(i420);
    ByteBuffer y = all.duplicate().position(0).limit(width * height);
    ByteBuffer u = all.duplicate().position(width * height).limit(width * height + cw * ch);
    ByteBuffer v =
        all.duplicate().position(width * height + cw * ch).limit(width * height + 2 * cw * ch);
    impl.pushI420(width, height, y, width, u, cw, v, cw);
  }

  /**
   * Pushes an RGBA frame: 4 bytes per pixel (R, G, B, A), rows of {@code 4*width} bytes.
   *
   * @param width the width in pixels
   * @param height the height in pixels
   * @param rgba the pixels
   */
  public void pushRgba(int width, int height, byte[] rgba) {
    impl.pushRgba(width, height, rgba);
  }

  /**
   * The rate frames are sent at.
   *
   * @return frames per second
   */
  public double frameRate() {
    return impl.frameRate();
  }

  /**
   * Frames pushed so far.
   *
   * @return the count
   */
  public long framesPushed() {
    return impl.pushedFrames();
  }

  /**
   * Frames handed to libwebrtc.
   *
   * @return the count
   */
  public long framesDelivered() {
    return impl.deliveredFrames();
  }

  /**
   * Frames replaced by a newer one before their turn.
   *
   * @return the count
   */
  public long framesDropped() {
    return impl.droppedFrames();
  }

  /** Stops the source; its track keeps its state (stop it to end it). Idempotent. */
  @Override
  public void close() {
    impl.close();
  }
}

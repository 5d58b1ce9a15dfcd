package io.github.jrtc.internal.recording;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_I;
import static org.bytedeco.ffmpeg.global.avutil.AV_PICTURE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import io.github.jrtc.media.VideoFrame;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One video encoder (VP8, VP9 or H.264) at a fixed size, in a millisecond time base with the
 * arrival-derived timestamps (variable frame rate). Frames of another size are scaled to fit,
 * keeping their aspect ratio (black bars), by {@link FrameScaler}.
 */
final class VideoEncoder implements AutoCloseable {
  private final AVCodecContext ctx;
  private final AVFrame frame;
  private final AVPacket packet = Encoders.newPacket();
  private final FrameScaler scaler;
  private final KeyFramePolicy keyFrames;
  private final int width;
  private final int height;
  private long lastPts = -1;
  private long lastKeyPts = -1;
  private long framesSinceKey;
  private long encodedFrames;

  VideoEncoder(
      String encoderName,
      int requestedWidth,
      int requestedHeight,
      long bitsPerSecond,
      KeyFramePolicy keyFrames,
      boolean globalHeader) {
    // 4:2:0 encoders need even sizes.
    this.width = Math.max(2, requestedWidth & ~1);
    this.height = Math.max(2, requestedHeight & ~1);
    this.keyFrames = keyFrames;
    AVCodec codec = Encoders.find(encoderName);
    ctx = avcodec_alloc_context3(codec);
    ctx.width(width);
    ctx.height(height);
    ctx.pix_fmt(AV_PIX_FMT_YUV420P);
    ctx.time_base(av_make_q(1, 1000));
    ctx.framerate(av_make_q(30, 1));
    ctx.bit_rate(bitsPerSecond);
    // Key frames are forced by media time (keyFrames), not by the encoder's frame count.
    ctx.gop_size(keyFrames.intervalFrames() > 0 ? (int) keyFrames.intervalFrames() : 100_000);
    ctx.max_b_frames(0);
    ctx.thread_count(1);
    if (globalHeader) {
      ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    }
    AVDictionary opts = new AVDictionary(null);
    if (encoderName.startsWith("libvpx")) {
      av_dict_set(opts, "deadline", "realtime", 0);
      av_dict_set(opts, "cpu-used", "8", 0);
      av_dict_set(opts, "lag-in-frames", "0", 0);
      av_dict_set(opts, "auto-alt-ref", "0", 0);
      if (encoderName.equals("libvpx-vp9")) {
        av_dict_set(opts, "row-mt", "0", 0);
      }
    } else {
      av_dict_set(opts, "allow_skip_frames", "0", 0);
    }
    try {
      FfmpegLog.check(avcodec_open2(ctx, codec, opts), "opening the " + encoderName + " encoder");
    } catch (RuntimeException e) {
      avcodec_free_context(ctx);
      Encoders.free(packet);
      throw e;
    } finally {
      av_dict_free(opts);
    }
    frame = av_frame_alloc();
    frame.format(AV_PIX_FMT_YUV420P);
    frame.width(width);
    frame.height(height);
    FfmpegLog.check(av_frame_get_buffer(frame, 0), "av_frame_get_buffer");
    scaler = new FrameScaler(width, height);
  }

  AVCodecContext context() {
    return ctx;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** The media time of the last frame encoded, or -1. */
  long lastPtsMillis() {
    return lastPts;
  }

  long encodedFrames() {
    return encodedFrames;
  }

  /**
   * Encodes {@code source} at {@code ptsMillis} (raised to keep timestamps strictly increasing).
   */
  void encode(VideoFrame source, long ptsMillis, PacketSink sink) {
    long pts = Math.max(ptsMillis, lastPts + 1);
    FfmpegLog.check(av_frame_make_writable(frame), "av_frame_make_writable");
    scaler.fill(source, frame);
    frame.pts(pts);
    if (keyFrames.due(pts, lastKeyPts, framesSinceKey)) {
      frame.pict_type(AV_PICTURE_TYPE_I);
      lastKeyPts = pts;
      framesSinceKey = 0;
    } else {
      frame.pict_type(AV_PICTURE_TYPE_NONE);
    }
    framesSinceKey++;
    lastPts = pts;
    encodedFrames++;
    Encoders.encode(ctx, frame, packet, sink);
  }

  /** Drains the encoder at the end of the recording. */
  void flush(PacketSink sink) {
    Encoders.encode(ctx, null, packet, sink);
  }

  @Override
  public void close() {
    scaler.close();
    av_frame_free(frame);
    Encoders.free(packet);
    avcodec_free_context(ctx);
  }
}

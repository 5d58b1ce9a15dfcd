package io.github.jrtc.internal.recording;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/** The send-frame / receive-packets loop shared by the audio and video encoders. */
final class Encoders {
  /** AVERROR(EAGAIN) on Linux: the encoder wants more input before it has a packet. */
  static final int EAGAIN = -11;

  private Encoders() {}

  /** Whether this FFmpeg build has the encoder (e.g. "libopenh264"). */
  static boolean has(String name) {
    return name != null && avcodec_find_encoder_by_name(name) != null;
  }

  static AVCodec find(String name) {
    AVCodec codec = avcodec_find_encoder_by_name(name);
    if (codec == null) {
      throw new IllegalStateException("This FFmpeg build has no encoder " + name);
    }
    return codec;
  }

  /** Sends {@code frame} (null: flush) and hands every packet ready to {@code sink}. */
  static void encode(AVCodecContext ctx, AVFrame frame, AVPacket packet, PacketSink sink) {
    FfmpegLog.check(avcodec_send_frame(ctx, frame), "avcodec_send_frame");
    while (true) {
      int ret = avcodec_receive_packet(ctx, packet);
      if (ret == EAGAIN || ret == AVERROR_EOF) {
        return;
      }
      FfmpegLog.check(ret, "avcodec_receive_packet");
      try {
        sink.write(packet, ctx.time_base());
      } finally {
        av_packet_unref(packet);
      }
    }
  }

  static AVPacket newPacket() {
    AVPacket p = av_packet_alloc();
    if (p == null) {
      throw new OutOfMemoryError("av_packet_alloc");
    }
    return p;
  }

  static void free(AVPacket p) {
    if (p != null) {
      av_packet_free(p);
    }
  }
}

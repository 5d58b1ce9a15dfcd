package io.github.jrtc.internal.recording;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.nio.file.Path;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVRational;

/**
 * FFmpeg's WebM or MP4 muxer writing to a file, crash-safe: WebM in clusters of at most a second,
 * MP4 fragmented ({@code hybrid_fragmented} when the file is seekable, so that a finished file is a
 * plain MP4 while an interrupted one still plays). Every packet is flushed to the file at once, so
 * a killed process leaves everything but the open cluster or fragment on disk.
 */
final class Muxer implements AutoCloseable {
  private final AVFormatContext oc = new AVFormatContext(null);
  private final RecordingFormat format;
  private final Path path;
  private final boolean seekable;
  private boolean opened;
  private boolean finished;

  /**
   * @param seekable false for a file that is only appended to (the blob mode reads it as it grows)
   */
  Muxer(RecordingFormat format, Path path, boolean seekable) {
    this.format = format;
    this.path = path;
    this.seekable = seekable;
    FfmpegLog.check(
        avformat_alloc_output_context2(oc, null, format.muxer(), path.toString()),
        "avformat_alloc_output_context2");
  }

  boolean needsGlobalHeader() {
    return (oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0;
  }

  AVStream addStream(AVCodecContext encoder) {
    AVStream st = avformat_new_stream(oc, null);
    if (st == null) {
      throw new IllegalStateException("avformat_new_stream failed");
    }
    FfmpegLog.check(
        avcodec_parameters_from_context(st.codecpar(), encoder), "avcodec_parameters_from_context");
    st.time_base(encoder.time_base());
    return st;
  }

  /** Opens the file and writes the header. */
  void start() {
    AVIOContext pb = new AVIOContext(null);
    FfmpegLog.check(avio_open(pb, path.toString(), AVIO_FLAG_WRITE), "opening " + path);
    if (!seekable) {
      pb.seekable(0);
    }
    oc.pb(pb);
    opened = true;
    oc.flush_packets(1);
    // Interleaving waits at most half a second for the slower stream before writing.
    oc.max_interleave_delta(500_000);
    AVDictionary opts = new AVDictionary(null);
    if (format.container().equals("webm")) {
      av_dict_set(opts, "cluster_time_limit", "1000", 0);
    } else if (seekable) {
      av_dict_set(opts, "movflags", "+hybrid_fragmented+frag_keyframe", 0);
    } else {
      av_dict_set(opts, "movflags", "+frag_keyframe+empty_moov+default_base_moof", 0);
    }
    try {
      FfmpegLog.check(avformat_write_header(oc, opts), "avformat_write_header");
    } finally {
      av_dict_free(opts);
    }
  }

  void write(AVPacket packet, AVRational encoderTimeBase, AVStream stream) {
    av_packet_rescale_ts(packet, encoderTimeBase, stream.time_base());
    packet.stream_index(stream.index());
    FfmpegLog.check(av_interleaved_write_frame(oc, packet), "av_interleaved_write_frame");
  }

  /** Writes the trailer (WebM cues and duration, the MP4 index) and closes the file. */
  void finish() {
    if (opened && !finished) {
      finished = true;
      try {
        FfmpegLog.check(av_write_trailer(oc), "av_write_trailer");
      } finally {
        closeFile();
      }
    }
  }

  private void closeFile() {
    if (oc.pb() != null) {
      avio_closep(oc.pb());
      oc.pb(null);
    }
  }

  @Override
  public void close() {
    closeFile();
    avformat_free_context(oc);
  }
}

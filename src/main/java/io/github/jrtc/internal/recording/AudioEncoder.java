package io.github.jrtc.internal.recording;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_S16;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_chlayout;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_sample_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_samples_set_silence;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_get_out_samples;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.ShortPointer;

/**
 * One audio encoder (Opus or AAC) at 48 kHz. 16-bit PCM of any rate and channel count (which may
 * change from chunk to chunk) is resampled into a FIFO; the FIFO feeds the encoder whole frames of
 * its size (Opus 960, AAC 1024). Timestamps count samples, so audio never drifts; silence written
 * by {@link #writeSilence} fills gaps in the input.
 */
final class AudioEncoder implements AutoCloseable {
  static final int RATE = 48_000;

  private final AVCodecContext ctx;
  private final int channels;
  private final int sampleFormat;
  private final int frameSize;
  private final AVAudioFifo fifo;
  private AVFrame converted; // resampler output, grown as needed
  private final AVFrame encoderFrame = av_frame_alloc();
  private final AVPacket packet = Encoders.newPacket();
  private SwrContext swr;
  private int swrRate = -1;
  private int swrChannels = -1;
  private ShortPointer input = new ShortPointer(4800L);
  private long samplesWritten;
  private long nextPts;

  AudioEncoder(
      String encoderName,
      int channels,
      long bitsPerSecond,
      boolean constantBitrate,
      boolean globalHeader) {
    this.channels = Math.max(1, Math.min(2, channels));
    this.sampleFormat = encoderName.equals("aac") ? AV_SAMPLE_FMT_FLTP : AV_SAMPLE_FMT_S16;
    AVCodec codec = Encoders.find(encoderName);
    ctx = avcodec_alloc_context3(codec);
    ctx.sample_rate(RATE);
    ctx.sample_fmt(sampleFormat);
    av_channel_layout_default(ctx.ch_layout(), this.channels);
    ctx.time_base(av_make_q(1, RATE));
    ctx.bit_rate(bitsPerSecond);
    if (globalHeader) {
      ctx.flags(ctx.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
    }
    AVDictionary opts = new AVDictionary(null);
    if (encoderName.equals("libopus")) {
      av_dict_set(opts, "vbr", constantBitrate ? "off" : "on", 0);
    }
    try {
      FfmpegLog.check(avcodec_open2(ctx, codec, opts), "opening the " + encoderName + " encoder");
    } catch (RuntimeException e) {
      avcodec_free_context(ctx);
      throw e;
    } finally {
      av_dict_free(opts);
    }
    frameSize = ctx.frame_size() > 0 ? ctx.frame_size() : 960;
    fifo = av_audio_fifo_alloc(sampleFormat, this.channels, frameSize * 4);
    encoderFrame.format(sampleFormat);
    encoderFrame.nb_samples(frameSize);
    av_channel_layout_default(encoderFrame.ch_layout(), this.channels);
    FfmpegLog.check(av_frame_get_buffer(encoderFrame, 0), "av_frame_get_buffer");
  }

  AVCodecContext context() {
    return ctx;
  }

  int frameSize() {
    return frameSize;
  }

  /** Samples (at 48 kHz) written so far, silence included: where the next sample goes. */
  long position() {
    return samplesWritten;
  }

  /** Queues {@code frames} frames of interleaved 16-bit PCM from frame {@code offset}. */
  void write(short[] samples, int offset, int frames, int rate, int inChannels) {
    if (frames <= 0) {
      return;
    }
    configure(rate, inChannels);
    int count = frames * inChannels;
    if (input.capacity() < count) {
      input.close();
      input = new ShortPointer((long) count);
    }
    input.position(0).put(samples, offset * inChannels, count);
    int outMax = swr_get_out_samples(swr, frames);
    ensureConverted(outMax);
    int n;
    // Not new PointerPointer<>(input): with one argument that is a cast, not a one-element array.
    try (PointerPointer<ShortPointer> in = new PointerPointer<ShortPointer>(1).put(0, input)) {
      n = swr_convert(swr, converted.data(), outMax, in, frames);
    }
    FfmpegLog.check(n, "swr_convert");
    append(n);
  }

  /** Queues {@code frames} frames of silence. */
  void writeSilence(long frames) {
    long left = frames;
    while (left > 0) {
      int n = (int) Math.min(left, RATE / 10);
      ensureConverted(n);
      av_samples_set_silence(converted.data(), 0, n, channels, sampleFormat);
      append(n);
      left -= n;
    }
  }

  private void append(int n) {
    if (n > 0) {
      FfmpegLog.check(av_audio_fifo_write(fifo, converted.data(), n), "av_audio_fifo_write");
      samplesWritten += n;
    }
  }

  private void ensureConverted(int n) {
    if (converted != null && converted.nb_samples() >= n) {
      return;
    }
    if (converted != null) {
      av_frame_free(converted);
    }
    AVFrame f = av_frame_alloc();
    f.format(sampleFormat);
    av_channel_layout_default(f.ch_layout(), channels);
    f.nb_samples(Math.max(n, RATE / 10));
    FfmpegLog.check(av_frame_get_buffer(f, 0), "av_frame_get_buffer");
    converted = f;
  }

  private void configure(int rate, int inChannels) {
    if (swr != null && rate == swrRate && inChannels == swrChannels) {
      return;
    }
    if (swr != null) {
      swr_free(swr);
      swr = null;
    }
    // swr_alloc_set_opts2 crashes through these bindings (seen); the options API does not.
    swr = swr_alloc();
    if (swr == null) {
      throw new OutOfMemoryError("swr_alloc");
    }
    AVChannelLayout in = new AVChannelLayout();
    try {
      av_channel_layout_default(in, inChannels);
      FfmpegLog.check(av_opt_set_chlayout(swr, "in_chlayout", in, 0), "in_chlayout");
      FfmpegLog.check(av_opt_set_chlayout(swr, "out_chlayout", ctx.ch_layout(), 0), "out_chlayout");
      FfmpegLog.check(av_opt_set_int(swr, "in_sample_rate", rate, 0), "in_sample_rate");
      FfmpegLog.check(av_opt_set_int(swr, "out_sample_rate", RATE, 0), "out_sample_rate");
      FfmpegLog.check(
          av_opt_set_sample_fmt(swr, "in_sample_fmt", AV_SAMPLE_FMT_S16, 0), "in_sample_fmt");
      FfmpegLog.check(
          av_opt_set_sample_fmt(swr, "out_sample_fmt", sampleFormat, 0), "out_sample_fmt");
    } finally {
      av_channel_layout_uninit(in);
      in.close();
    }
    FfmpegLog.check(swr_init(swr), "swr_init");
    swrRate = rate;
    swrChannels = inChannels;
  }

  /** Encodes every whole frame in the FIFO; at the end, also the rest (padded) and the tail. */
  void drain(PacketSink sink, boolean end) {
    while (av_audio_fifo_size(fifo) >= frameSize) {
      encodeOne(frameSize, sink);
    }
    if (end) {
      int rest = av_audio_fifo_size(fifo);
      if (rest > 0) {
        encodeOne(rest, sink);
      }
      Encoders.encode(ctx, null, packet, sink);
    }
  }

  private void encodeOne(int n, PacketSink sink) {
    FfmpegLog.check(av_frame_make_writable(encoderFrame), "av_frame_make_writable");
    if (n < frameSize) {
      av_samples_set_silence(encoderFrame.data(), 0, frameSize, channels, sampleFormat);
    }
    FfmpegLog.check(av_audio_fifo_read(fifo, encoderFrame.data(), n), "av_audio_fifo_read");
    encoderFrame.pts(nextPts);
    nextPts += frameSize;
    Encoders.encode(ctx, encoderFrame, packet, sink);
  }

  @Override
  public void close() {
    if (swr != null) {
      swr_free(swr);
      swr = null;
    }
    av_audio_fifo_free(fifo);
    if (converted != null) {
      av_frame_free(converted);
    }
    av_frame_free(encoderFrame);
    Encoders.free(packet);
    input.close();
    avcodec_free_context(ctx);
  }
}

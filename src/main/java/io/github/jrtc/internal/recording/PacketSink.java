package io.github.jrtc.internal.recording;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVRational;

/** Where an encoder's packets go (the muxer); the packet is only valid during the call. */
interface PacketSink {
  void write(AVPacket packet, AVRational encoderTimeBase);
}

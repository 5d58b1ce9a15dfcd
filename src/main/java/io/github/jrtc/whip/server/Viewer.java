package io.github.jrtc.whip.server;

import io.github.jrtc.MediaStream;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.media.AudioData;
import io.github.jrtc.media.AudioSampleSource;
import io.github.jrtc.media.VideoFrame;
import io.github.jrtc.media.VideoFrameSource;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WHEP viewer of a live publisher. webrtc-java 0.14.0 gives no encoded frames, so the
 * publisher's decoded frames and samples are pushed into this viewer's own sources and encoded
 * again for it: the cost of a viewer is one encoder per track.
 */
final class Viewer {
  final String id;
  final RTCPeerConnection pc;
  final IceSession ice;
  private final VideoFrameSource video;
  private final AudioSampleSource audio;
  private final AtomicBoolean closed = new AtomicBoolean();

  Viewer(String id, RTCPeerConnection pc, String etag) {
    this.id = id;
    this.pc = pc;
    this.ice = new IceSession(etag);
    this.video = new VideoFrameSource(30, "whep video " + id);
    this.audio = new AudioSampleSource(48000, 1, "whep audio " + id);
  }

  /** After the viewer's offer is set: the tracks take the offer's receive-only transceivers. */
  void attachTracks() {
    MediaStream stream = new MediaStream();
    pc.addTrack(video.track(), stream);
    pc.addTrack(audio.track(), stream);
  }

  /** On the publisher's video media thread; the frame is borrowed, pushI420 copies it. */
  void frame(VideoFrame f) {
    if (!closed.get()) {
      video.pushI420(
          f.width(),
          f.height(),
          f.dataY(),
          f.strideY(),
          f.dataU(),
          f.strideU(),
          f.dataV(),
          f.strideV());
    }
  }

  void audio(AudioData d) {
    if (closed.get()) {
      return;
    }
    if (d.channels() == 1) {
      audio.pushSamples(d.samples(), 0, d.frames());
    } else {
      short[] mono = new short[d.frames()];
      for (int i = 0; i < d.frames(); i++) {
        int sum = 0;
        for (int c = 0; c < d.channels(); c++) {
          sum += d.samples()[i * d.channels() + c];
        }
        mono[i] = (short) (sum / d.channels());
      }
      audio.pushSamples(mono);
    }
  }

  /** Idempotent. */
  void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // The connection first: its senders let go of the sources' tracks before they are disposed.
    pc.close();
    video.track().stop();
    audio.track().stop();
    video.close();
    audio.close();
  }
}

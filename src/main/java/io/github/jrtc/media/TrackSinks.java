package io.github.jrtc.media;

import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.MediaStreamTrackState;
import io.github.jrtc.TypeError;
import io.github.jrtc.internal.bridge.TrackAccess;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.SinkDispatcher;

/**
 * Frames and samples of a track, to Java (what bots and recorders need; browsers have no such API).
 * Sinks of one track run on that track's own media thread, in registration order; a sink that
 * throws is logged and does not stop the others. A slow sink makes older frames drop, never the
 * network or other tracks stall.
 */
public final class TrackSinks {
  private TrackSinks() {}

  /**
   * Delivers the video track's frames to {@code sink} until the registration is closed.
   *
   * @param track a video track
   * @param sink the sink
   * @return the registration; close it to detach
   */
  public static SinkRegistration addVideoSink(MediaStreamTrack track, VideoSink sink) {
    check(track, sink, "video");
    return dispatcher(track).addVideo(sink);
  }

  /**
   * Delivers the audio track's PCM to {@code sink} until the registration is closed.
   *
   * @param track an audio track
   * @param sink the sink
   * @return the registration; close it to detach
   */
  public static SinkRegistration addAudioSink(MediaStreamTrack track, AudioSink sink) {
    check(track, sink, "audio");
    return dispatcher(track).addAudio(sink);
  }

  private static SinkDispatcher dispatcher(MediaStreamTrack track) {
    return SinkDispatcher.forSource(TrackAccess.sourceOf(MediaStreamTrack.class, track));
  }

  private static void check(MediaStreamTrack track, Object sink, String kind) {
    if (track == null || sink == null) {
      throw new TypeError("A track and a sink are needed");
    }
    if (!track.kind().equals(kind)) {
      throw new TypeError("Not a " + kind + " track: " + track);
    }
    if (track.readyState() == MediaStreamTrackState.ENDED) {
      throw Errors.invalidState("The track has ended");
    }
  }
}

package io.github.jrtc.media;

import io.github.jrtc.MediaDeviceInfo;
import io.github.jrtc.MediaDeviceKind;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.MediaStreamTrackState;
import io.github.jrtc.Navigator;
import io.github.jrtc.TypeError;
import io.github.jrtc.internal.audio.SpeakerOutput;
import io.github.jrtc.internal.spec.Errors;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plays an audio track on a sound output, for desktop apps: what {@code audio.srcObject = stream;
 * audio.play()} does in a browser. jrtc never plays remote audio by itself (a browser doesn't
 * either without an audio element).
 *
 * <pre>{@code
 * pc.ontrack(e -> {
 *   if (e.track().kind().equals("audio")) {
 *     speakers = AudioOutput.play(e.track());   // ... speakers.close() to stop
 *   }
 * });
 * }</pre>
 *
 * Each call opens its own stream on the sound server (PulseAudio on Linux), so several tracks can
 * play at once and the server mixes them. Closing it, or shutting down the engine, stops playing.
 */
public final class AudioOutput implements AutoCloseable {
  private final SpeakerOutput impl;
  private final String deviceId;

  private AudioOutput(SpeakerOutput impl, String deviceId) {
    this.impl = impl;
    this.deviceId = deviceId;
  }

  /**
   * Plays {@code track} on the system's default output.
   *
   * @param track an audio track
   * @return the output; close it to stop
   */
  public static AudioOutput play(MediaStreamTrack track) {
    return play(track, null);
  }

  /**
   * Plays {@code track} on the output {@code deviceId} (an "audiooutput" {@link MediaDeviceInfo}'s
   * id; null, "" or "default" for the default output).
   *
   * @throws TypeError if {@code track} is null or not an audio track
   * @throws io.github.jrtc.DOMException InvalidStateError if the track has ended; NotFoundError if
   *     there is no such output; NotReadableError if the output cannot be selected or opened
   *     (another output than the default needs jrtc's native library: webrtc-java 0.14.0 alone
   *     plays only on the default), or sound devices are disabled ({@code -Djrtc.audio=none})
   * @param track an audio track
   * @param deviceId an "audiooutput" device id
   * @return the output; close it to stop
   */
  public static AudioOutput play(MediaStreamTrack track, String deviceId) {
    if (track == null || !track.kind().equals("audio")) {
      throw new TypeError("AudioOutput plays an audio track, not " + track);
    }
    if (track.readyState() == MediaStreamTrackState.ENDED) {
      throw Errors.invalidState("The track has ended");
    }
    String id = deviceId == null || deviceId.isEmpty() ? "default" : deviceId;
    String label = null; // the system default
    if (!id.equals("default")) {
      List<MediaDeviceInfo> outputs =
          Navigator.mediaDevices()
              .enumerateDevices()
              .orTimeout(10, TimeUnit.SECONDS)
              .join()
              .stream()
              .filter(d -> d.kind() == MediaDeviceKind.AUDIOOUTPUT)
              .toList();
      if (outputs.stream().noneMatch(d -> d.deviceId().equals(id))) {
        throw Errors.notFound("No audio output '" + id + "'");
      }
      MediaDeviceInfo chosen =
          outputs.stream().filter(d -> d.deviceId().equals(id)).findFirst().orElseThrow();
      label = outputs.get(0).deviceId().equals(id) ? null : chosen.label();
    }
    return new AudioOutput(
        SpeakerOutput.play(sink -> TrackSinks.addAudioSink(track, sink), label), id);
  }

  /**
   * The output it plays on ("default" for the system default).
   *
   * @return the device id
   */
  public String deviceId() {
    return deviceId;
  }

  /** Stops playing and releases the output. Idempotent. */
  @Override
  public void close() {
    impl.close();
  }
}

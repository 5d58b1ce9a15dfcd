package io.github.jrtc.internal.capture;

import io.github.jrtc.DOMException;
import io.github.jrtc.MediaStreamConstraints;
import io.github.jrtc.MediaTrackConstraints;
import io.github.jrtc.OverconstrainedError;
import io.github.jrtc.TypeError;
import io.github.jrtc.internal.audio.MicrophoneSource;
import io.github.jrtc.internal.bridge.NativeDevice;
import io.github.jrtc.internal.bridge.VideoMode;
import io.github.jrtc.internal.spec.Errors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * getUserMedia's device and settings choice (the spec's steps that run SelectSettings over every
 * configuration of every device of a kind), over an enumeration snapshot. Pure Java: the native
 * capture is opened afterwards with what this chose.
 */
public final class UserMediaSelector {
  /** Properties defined for audio tracks; others in {@code audio: {...}} are ignored. */
  public static final Set<String> AUDIO_PROPERTIES =
      Set.of(
          "deviceId",
          "groupId",
          "sampleRate",
          "sampleSize",
          "echoCancellation",
          "autoGainControl",
          "noiseSuppression",
          "latency",
          "channelCount");

  /** Properties defined for camera tracks; others in {@code video: {...}} are ignored. */
  public static final Set<String> VIDEO_PROPERTIES =
      Set.of(
          "deviceId",
          "groupId",
          "width",
          "height",
          "aspectRatio",
          "frameRate",
          "facingMode",
          "resizeMode");

  /** What libwebrtc's audio device module delivers (see {@link MicrophoneSource#RATE}). */
  public static final int SAMPLE_RATE = MicrophoneSource.RATE;

  public static final int SAMPLE_SIZE = 16;
  public static final int CHANNEL_COUNT = 1;
  public static final double LATENCY = 0.01;

  /** A camera format used when a camera reports none. */
  static final VideoMode FALLBACK_MODE = new VideoMode(640, 480, 30);

  private UserMediaSelector() {}

  /** The chosen device and the settings dictionary it will run with. */
  public record Choice(
      NativeDevice device, VideoMode mode, Map<String, Object> settings, boolean systemDefault) {
    public boolean flag(String name) {
      return Boolean.TRUE.equals(settings.get(name));
    }
  }

  /** One choice per requested kind (null for a kind not requested). */
  public record Selection(Choice audio, Choice video) {}

  /** The checks getUserMedia makes before anything else: a TypeError when nothing is requested. */
  public static void validate(MediaStreamConstraints constraints) {
    if (constraints == null || (constraints.audio() == null && constraints.video() == null)) {
      throw new TypeError(
          "getUserMedia needs audio or video: at least one of them must be requested");
    }
  }

  /**
   * Chooses a device and settings for every requested kind, or throws NotFoundError (no device of a
   * kind) or OverconstrainedError (devices, but none satisfies a required constraint).
   */
  public static Selection select(DeviceSnapshot devices, MediaStreamConstraints constraints) {
    validate(constraints);
    Choice audio = constraints.audio() == null ? null : selectAudio(devices, constraints.audio());
    Choice video = constraints.video() == null ? null : selectVideo(devices, constraints.video());
    return new Selection(audio, video);
  }

  static Choice selectAudio(DeviceSnapshot devices, MediaTrackConstraints constraints) {
    if (devices.audioInputs().isEmpty()) {
      throw Errors.notFound(
          "No audio input device"
              + (devices.audioProblem() == null ? "" : " (" + devices.audioProblem() + ")"));
    }
    List<SelectSettings.Candidate<Choice>> candidates = new ArrayList<>();
    NativeDevice systemDefault = devices.audioInputs().get(0);
    for (NativeDevice d : devices.audioInputs()) {
      addAudioCandidates(candidates, d, d.equals(systemDefault));
    }
    return choose(candidates, constraints, AUDIO_PROPERTIES, "audio input");
  }

  /**
   * applyConstraints on a live microphone: the same device (a deviceId or groupId it does not have
   * is OverconstrainedError), with the stages and settings the new constraints choose.
   */
  public static Choice reselectAudio(Choice current, MediaTrackConstraints constraints) {
    List<SelectSettings.Candidate<Choice>> candidates = new ArrayList<>();
    addAudioCandidates(candidates, current.device(), current.systemDefault());
    return choose(candidates, constraints, AUDIO_PROPERTIES, "audio input");
  }

  private static void addAudioCandidates(
      List<SelectSettings.Candidate<Choice>> candidates, NativeDevice d, boolean systemDefault) {
    // libwebrtc's capture processing runs on the microphone's audio in Java (CaptureProcessing),
    // each stage on or off: every combination is a candidate, all on first (the default, as in
    // browsers), so a bare or ideal false turns off that stage only.
    for (int combo = 0; combo < 8; combo++) {
      Map<String, Object> s = base(d);
      s.put("sampleRate", SAMPLE_RATE);
      s.put("sampleSize", SAMPLE_SIZE);
      s.put("channelCount", CHANNEL_COUNT);
      s.put("latency", LATENCY);
      s.put("echoCancellation", (combo & 4) == 0);
      s.put("autoGainControl", (combo & 2) == 0);
      s.put("noiseSuppression", (combo & 1) == 0);
      candidates.add(new SelectSettings.Candidate<>(new Choice(d, null, s, systemDefault), s));
    }
  }

  static Choice selectVideo(DeviceSnapshot devices, MediaTrackConstraints constraints) {
    if (devices.videoInputs().isEmpty()) {
      throw Errors.notFound(
          "No camera"
              + (devices.videoProblem() == null
                  ? " (the native layer lists no video capture device)"
                  : " (" + devices.videoProblem() + ")"));
    }
    List<SelectSettings.Candidate<Choice>> candidates = new ArrayList<>();
    for (NativeDevice d : devices.videoInputs()) {
      List<VideoMode> modes = devices.modesOf(d);
      for (VideoMode m : modes.isEmpty() ? List.of(FALLBACK_MODE) : modes) {
        Map<String, Object> s = base(d);
        s.put("width", m.width());
        s.put("height", m.height());
        s.put("frameRate", (double) m.frameRate());
        if (m.height() > 0) {
          s.put("aspectRatio", (double) m.width() / m.height());
        }
        // libwebrtc captures in the device's own format: no scaling or cropping.
        s.put("resizeMode", "none");
        candidates.add(new SelectSettings.Candidate<>(new Choice(d, m, s, false), s));
      }
    }
    return choose(candidates, constraints, VIDEO_PROPERTIES, "camera");
  }

  private static Map<String, Object> base(NativeDevice d) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("deviceId", d.id());
    s.put("groupId", groupId(d));
    return s;
  }

  /**
   * What a microphone offers: libwebrtc's audio module captures at one rate and channel count; each
   * processing stage can be on or off.
   */
  public static io.github.jrtc.MediaTrackCapabilities microphoneCapabilities(NativeDevice d) {
    return microphoneCapabilities(d.id(), groupId(d));
  }

  /** {@link #microphoneCapabilities(NativeDevice)} for a device known by its ids. */
  public static io.github.jrtc.MediaTrackCapabilities microphoneCapabilities(
      String deviceId, String groupId) {
    return new io.github.jrtc.MediaTrackCapabilities(
        deviceId,
        groupId,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        SAMPLE_RATE,
        SAMPLE_RATE,
        CHANNEL_COUNT,
        CHANNEL_COUNT,
        ON_OFF,
        ON_OFF,
        ON_OFF);
  }

  private static final List<Boolean> ON_OFF = List.of(true, false);

  /**
   * What a camera offers: the range over the formats it lists (the fallback mode when it lists
   * none, as selection uses then).
   */
  public static io.github.jrtc.MediaTrackCapabilities cameraCapabilities(
      NativeDevice d, List<VideoMode> listed) {
    List<VideoMode> modes = listed.isEmpty() ? List.of(FALLBACK_MODE) : listed;
    int minW = Integer.MAX_VALUE;
    int maxW = 0;
    int minH = Integer.MAX_VALUE;
    int maxH = 0;
    double minF = Double.MAX_VALUE;
    double maxF = 0;
    for (VideoMode m : modes) {
      minW = Math.min(minW, m.width());
      maxW = Math.max(maxW, m.width());
      minH = Math.min(minH, m.height());
      maxH = Math.max(maxH, m.height());
      minF = Math.min(minF, m.frameRate());
      maxF = Math.max(maxF, m.frameRate());
    }
    return new io.github.jrtc.MediaTrackCapabilities(
        d.id(), groupId(d), minW, maxW, minH, maxH, minF, maxF, List.of(), null, null, null, null);
  }

  /**
   * PulseAudio names a sink's capture side "{sink}.monitor": both belong to one device. Other
   * devices are their own group.
   */
  public static String groupId(NativeDevice d) {
    String id = d.id();
    if (id.endsWith(".monitor")) {
      id = id.substring(0, id.length() - ".monitor".length());
    }
    return java.util
        .UUID
        .nameUUIDFromBytes(("jrtc-group:" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .toString();
  }

  private static Choice choose(
      List<SelectSettings.Candidate<Choice>> candidates,
      MediaTrackConstraints constraints,
      Set<String> applicable,
      String what) {
    SelectSettings.Outcome<Choice> outcome =
        SelectSettings.select(candidates, constraints, applicable);
    if (!outcome.satisfied()) {
      String failed = outcome.failedConstraint();
      DOMException e =
          new OverconstrainedError(
              failed,
              failed.isEmpty()
                  ? "No " + what + " satisfies all the required constraints together"
                  : "No "
                      + what
                      + " satisfies the required constraint '"
                      + failed
                      + "': "
                      + constraints.asMap().get(failed));
      throw e;
    }
    return outcome.chosen();
  }
}

package io.github.jrtc.internal.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A container with at most one video and one audio codec, parsed from a MIME type such as {@code
 * video/webm;codecs=vp8,opus}, with the FFmpeg muxer and encoders that produce it.
 *
 * @param mediaType "video" or "audio" (the MIME type's type)
 * @param container "webm" or "mp4"
 * @param videoCodec "vp8", "vp9", "avc1" or null (none named)
 * @param audioCodec "opus", "mp4a.40.2" or null (none named)
 */
public record RecordingFormat(
    String mediaType, String container, String videoCodec, String audioCodec) {

  /** What {@code MediaRecorder.isTypeSupported} answers, FFmpeg being available. */
  public static boolean isSupported(String type) {
    return type != null && (type.isEmpty() || parse(type).isPresent());
  }

  /** Parses a supported type, or empty if the type, container or a codec is not supported. */
  public static Optional<RecordingFormat> parse(String type) {
    if (type == null) {
      return Optional.empty();
    }
    String[] parts = type.split(";", -1);
    String essence = parts[0].trim().toLowerCase(Locale.ROOT);
    int slash = essence.indexOf('/');
    if (slash <= 0 || slash == essence.length() - 1) {
      return Optional.empty();
    }
    String mediaType = essence.substring(0, slash);
    String container = essence.substring(slash + 1);
    if (!(mediaType.equals("video") || mediaType.equals("audio"))
        || !(container.equals("webm") || container.equals("mp4"))) {
      return Optional.empty();
    }
    List<String> codecs = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      int eq = p.indexOf('=');
      if (eq < 0) {
        return Optional.empty();
      }
      String name = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String value = p.substring(eq + 1).trim();
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      if (name.equals("codecs")) {
        for (String c : value.split(",", -1)) {
          codecs.add(c.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    String video = null;
    String audio = null;
    for (String c : codecs) {
      String v = videoCodec(c, container);
      String a = audioCodec(c, container);
      if (v != null && video == null && mediaType.equals("video")) {
        video = v;
      } else if (a != null && audio == null) {
        audio = a;
      } else {
        return Optional.empty(); // unknown codec, a second one of a kind, or video in audio/*
      }
    }
    return Optional.of(new RecordingFormat(mediaType, container, video, audio));
  }

  private static String videoCodec(String c, String container) {
    if (container.equals("webm")) {
      return switch (c) {
        case "vp8", "vp8.0" -> "vp8";
        case "vp9", "vp9.0" -> "vp9";
        default -> null;
      };
    }
    return c.equals("avc1") || c.startsWith("avc1.") || c.equals("h264") ? "avc1" : null;
  }

  private static String audioCodec(String c, String container) {
    if (c.equals("opus")) {
      return "opus";
    }
    return container.equals("mp4") && (c.equals("mp4a.40.2") || c.equals("mp4a") || c.equals("aac"))
        ? "mp4a.40.2"
        : null;
  }

  /**
   * The format to record tracks of these kinds with: codecs left unnamed are chosen (VP8 and Opus
   * for WebM, H.264 and AAC for MP4; WebM with both when the type is empty).
   *
   * @return empty if this format cannot hold a track of a kind present (e.g. audio/webm for video)
   */
  public Optional<RecordingFormat> complete(boolean hasVideo, boolean hasAudio) {
    String v = videoCodec;
    String a = audioCodec;
    boolean namedCodecs = v != null || a != null;
    if (hasVideo && v == null) {
      if (namedCodecs || mediaType.equals("audio")) {
        return Optional.empty();
      }
      v = container.equals("webm") ? "vp8" : "avc1";
    }
    if (hasAudio && a == null) {
      if (namedCodecs) {
        return Optional.empty();
      }
      a = container.equals("webm") ? "opus" : "mp4a.40.2";
    }
    // A named codec with no track of its kind is allowed: that stream is simply left out.
    return Optional.of(
        new RecordingFormat(mediaType, container, hasVideo ? v : null, hasAudio ? a : null));
  }

  /** The default for an empty type: WebM with VP8 and Opus (audio/webm when audio only). */
  public static RecordingFormat defaultFor(boolean hasVideo) {
    return new RecordingFormat(hasVideo ? "video" : "audio", "webm", null, null);
  }

  /** The full type with the codecs, e.g. {@code video/webm;codecs=vp8,opus}. */
  public String mimeType() {
    List<String> codecs = new ArrayList<>();
    if (videoCodec != null) {
      codecs.add(videoCodec);
    }
    if (audioCodec != null) {
      codecs.add(audioCodec);
    }
    String base = mediaType + "/" + container;
    return codecs.isEmpty() ? base : base + ";codecs=" + String.join(",", codecs);
  }

  /** FFmpeg's muxer name. */
  public String muxer() {
    return container.equals("webm") ? "webm" : "mp4";
  }

  /** FFmpeg's encoder for the video codec, or null. */
  public String videoEncoder() {
    if (videoCodec == null) {
      return null;
    }
    return switch (videoCodec) {
      case "vp8" -> "libvpx";
      case "vp9" -> "libvpx-vp9";
      default -> "libopenh264";
    };
  }

  /** FFmpeg's encoder for the audio codec, or null. */
  public String audioEncoder() {
    if (audioCodec == null) {
      return null;
    }
    return audioCodec.equals("opus") ? "libopus" : "aac";
  }
}

package io.github.jrtc;

import java.util.List;

/**
 * The ranges a track's source supports ({@code track.getCapabilities()}); a null member means the
 * source does not report it. Ranges are {@code [min, max]}.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaStreamTrack/getCapabilities">MDN</a>.
 */
public record MediaTrackCapabilities(
    String deviceId,
    String groupId,
    Integer minWidth,
    Integer maxWidth,
    Integer minHeight,
    Integer maxHeight,
    Double minFrameRate,
    Double maxFrameRate,
    List<String> facingMode,
    Integer minSampleRate,
    Integer maxSampleRate,
    Integer minChannelCount,
    Integer maxChannelCount) {

  public MediaTrackCapabilities {
    facingMode = facingMode == null ? List.of() : List.copyOf(facingMode);
  }

  /** A source that reports no capabilities. */
  public static MediaTrackCapabilities empty() {
    return new MediaTrackCapabilities(
        null, null, null, null, null, null, null, null, List.of(), null, null, null, null);
  }
}

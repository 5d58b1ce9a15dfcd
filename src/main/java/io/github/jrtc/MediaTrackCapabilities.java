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
    Integer maxChannelCount,
    List<Boolean> echoCancellation,
    List<Boolean> autoGainControl,
    List<Boolean> noiseSuppression) {

  /**
   * The capabilities; a null list is empty (the source does not report that member).
   *
   * @param deviceId the {@code deviceId} member
   * @param groupId the {@code groupId} member
   * @param minWidth the {@code minWidth} member
   * @param maxWidth the {@code maxWidth} member
   * @param minHeight the {@code minHeight} member
   * @param maxHeight the {@code maxHeight} member
   * @param minFrameRate the {@code minFrameRate} member
   * @param maxFrameRate the {@code maxFrameRate} member
   * @param facingMode the {@code facingMode} member
   * @param minSampleRate the {@code minSampleRate} member
   * @param maxSampleRate the {@code maxSampleRate} member
   * @param minChannelCount the {@code minChannelCount} member
   * @param maxChannelCount the {@code maxChannelCount} member
   * @param echoCancellation the {@code echoCancellation} member: the values the source can take
   *     ({@code [true, false]} for a microphone whose echo canceller can be switched)
   * @param autoGainControl the {@code autoGainControl} member, likewise
   * @param noiseSuppression the {@code noiseSuppression} member, likewise
   */
  public MediaTrackCapabilities {
    facingMode = facingMode == null ? List.of() : List.copyOf(facingMode);
    echoCancellation = echoCancellation == null ? List.of() : List.copyOf(echoCancellation);
    autoGainControl = autoGainControl == null ? List.of() : List.copyOf(autoGainControl);
    noiseSuppression = noiseSuppression == null ? List.of() : List.copyOf(noiseSuppression);
  }

  /**
   * The capabilities of a source without audio processing members (a camera, a screen).
   *
   * @param deviceId the {@code deviceId} member
   * @param groupId the {@code groupId} member
   * @param minWidth the {@code minWidth} member
   * @param maxWidth the {@code maxWidth} member
   * @param minHeight the {@code minHeight} member
   * @param maxHeight the {@code maxHeight} member
   * @param minFrameRate the {@code minFrameRate} member
   * @param maxFrameRate the {@code maxFrameRate} member
   * @param facingMode the {@code facingMode} member
   * @param minSampleRate the {@code minSampleRate} member
   * @param maxSampleRate the {@code maxSampleRate} member
   * @param minChannelCount the {@code minChannelCount} member
   * @param maxChannelCount the {@code maxChannelCount} member
   */
  public MediaTrackCapabilities(
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
    this(
        deviceId,
        groupId,
        minWidth,
        maxWidth,
        minHeight,
        maxHeight,
        minFrameRate,
        maxFrameRate,
        facingMode,
        minSampleRate,
        maxSampleRate,
        minChannelCount,
        maxChannelCount,
        List.of(),
        List.of(),
        List.of());
  }

  /**
   * A source that reports no capabilities.
   *
   * @return capabilities with nothing set
   */
  public static MediaTrackCapabilities empty() {
    return new MediaTrackCapabilities(
        null, null, null, null, null, null, null, null, List.of(), null, null, null, null);
  }
}

package io.github.jrtc;

/**
 * The values a track currently uses ({@code track.getSettings()}); members that do not apply to the
 * track's kind are null.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaTrackSettings">MDN</a>.
 */
public record MediaTrackSettings(
    String deviceId,
    String groupId,
    Integer width,
    Integer height,
    Double frameRate,
    Double aspectRatio,
    String facingMode,
    String displaySurface,
    Integer sampleRate,
    Integer sampleSize,
    Integer channelCount,
    Boolean echoCancellation,
    Boolean autoGainControl,
    Boolean noiseSuppression) {

  /**
   * Settings of a video track.
   *
   * @param deviceId the device's id
   * @param width the width in pixels
   * @param height the height in pixels
   * @param frameRate frames per second
   * @return the settings
   */
  public static MediaTrackSettings video(String deviceId, int width, int height, double frameRate) {
    return new MediaTrackSettings(
        deviceId,
        null,
        width,
        height,
        frameRate,
        height == 0 ? null : (double) width / height,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /**
   * Settings of an audio track.
   *
   * @param deviceId the device's id
   * @param sampleRate samples per second
   * @param channelCount the number of channels
   * @return the settings
   */
  public static MediaTrackSettings audio(String deviceId, int sampleRate, int channelCount) {
    return new MediaTrackSettings(
        deviceId,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        sampleRate,
        16,
        channelCount,
        null,
        null,
        null);
  }

  /**
   * No known settings.
   *
   * @return settings with nothing set
   */
  public static MediaTrackSettings empty() {
    return new MediaTrackSettings(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}

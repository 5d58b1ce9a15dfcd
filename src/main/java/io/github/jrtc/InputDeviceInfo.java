package io.github.jrtc;

/**
 * An "audioinput" or "videoinput" entry of {@code enumerateDevices()}, as MDN documents {@code
 * InputDeviceInfo}: a {@link MediaDeviceInfo} that also says what the device can capture.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/InputDeviceInfo">MDN</a>.
 */
public final class InputDeviceInfo extends MediaDeviceInfo {
  private final MediaTrackCapabilities capabilities;

  /**
   * An input device entry.
   *
   * @param deviceId the device id
   * @param kind audioinput or videoinput
   * @param label the device's name
   * @param groupId the id shared by parts of one physical device
   * @param capabilities what a track from it could be set to; null means none known
   */
  public InputDeviceInfo(
      String deviceId,
      MediaDeviceKind kind,
      String label,
      String groupId,
      MediaTrackCapabilities capabilities) {
    super(deviceId, kind, label, groupId);
    this.capabilities = capabilities == null ? MediaTrackCapabilities.empty() : capabilities;
  }

  /**
   * What a track from this device could be set to: for a camera the range of the sizes and frame
   * rates it lists; for a microphone the sample rate and channel count libwebrtc's audio module
   * captures at.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/InputDeviceInfo/getCapabilities">MDN</a>.
   *
   * @return the capabilities
   */
  public MediaTrackCapabilities getCapabilities() {
    return capabilities;
  }
}

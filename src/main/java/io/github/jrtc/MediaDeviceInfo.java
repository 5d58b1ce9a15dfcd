package io.github.jrtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.internal.spec.Json;
import java.util.Objects;

/**
 * The spec's {@code MediaDeviceInfo}, as {@code enumerateDevices()} returns it. {@code deviceId} is
 * stable for a device (it is the native device's identifier); {@code groupId} is shared by devices
 * of the same physical device where the platform tells (otherwise it is the device's own).
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDeviceInfo">MDN</a>.
 */
public class MediaDeviceInfo {
  private final String deviceId;
  private final MediaDeviceKind kind;
  private final String label;
  private final String groupId;

  /**
   * A device entry.
   *
   * @param deviceId the device id
   * @param kind audioinput, audiooutput or videoinput
   * @param label the device's name
   * @param groupId the id shared by parts of one physical device
   */
  public MediaDeviceInfo(String deviceId, MediaDeviceKind kind, String label, String groupId) {
    this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.label = label == null ? "" : label;
    this.groupId = groupId == null ? "" : groupId;
  }

  /**
   * The id to ask for this device with ({@code deviceId} constraint).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDeviceInfo/deviceId">MDN</a>.
   *
   * @return the id
   */
  public String deviceId() {
    return deviceId;
  }

  /**
   * audioinput, audiooutput or videoinput.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDeviceInfo/kind">MDN</a>.
   *
   * @return the kind
   */
  public MediaDeviceKind kind() {
    return kind;
  }

  /**
   * The device's name (always shown: jrtc has no permission prompt).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDeviceInfo/label">MDN</a>.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The id shared by the parts of one physical device.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDeviceInfo/groupId">MDN</a>.
   *
   * @return the group id
   */
  public String groupId() {
    return groupId;
  }

  /**
   * JS's {@code JSON.stringify(info)}: {@code {deviceId, kind, label, groupId}}.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaDeviceInfo/toJSON">MDN</a>.
   *
   * @return the JSON text
   */
  public String toJSON() {
    ObjectNode o = Json.object();
    o.put("deviceId", deviceId);
    o.put("kind", kind.toString());
    o.put("label", label);
    o.put("groupId", groupId);
    return Json.write(o);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaDeviceInfo d
        && d.getClass() == getClass()
        && deviceId.equals(d.deviceId)
        && kind == d.kind
        && label.equals(d.label)
        && groupId.equals(d.groupId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(deviceId, kind, label, groupId);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + toJSON();
  }
}

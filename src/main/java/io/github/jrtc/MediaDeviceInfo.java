package io.github.jrtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.internal.spec.Json;
import java.util.Objects;

/**
 * The spec's {@code MediaDeviceInfo}, as {@code enumerateDevices()} returns it. {@code deviceId} is
 * stable for a device (it is the native device's identifier); {@code groupId} is shared by devices
 * of the same physical device where the platform tells (otherwise it is the device's own).
 */
public class MediaDeviceInfo {
  private final String deviceId;
  private final MediaDeviceKind kind;
  private final String label;
  private final String groupId;

  public MediaDeviceInfo(String deviceId, MediaDeviceKind kind, String label, String groupId) {
    this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.label = label == null ? "" : label;
    this.groupId = groupId == null ? "" : groupId;
  }

  public String deviceId() {
    return deviceId;
  }

  public MediaDeviceKind kind() {
    return kind;
  }

  public String label() {
    return label;
  }

  public String groupId() {
    return groupId;
  }

  /** JS's {@code JSON.stringify(info)}: {@code {deviceId, kind, label, groupId}}. */
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

package io.github.jrtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.internal.spec.Json;
import java.util.Set;

/**
 * The spec's {@code MediaTrackSupportedConstraints} ({@code
 * navigator.mediaDevices.getSupportedConstraints()}): which constrainable properties jrtc
 * recognises. JS {@code supported.width} is {@code supported.width()}; {@link #isSupported} takes a
 * property name.
 */
public final class MediaTrackSupportedConstraints {
  private final Set<String> names;

  MediaTrackSupportedConstraints(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  public boolean isSupported(String property) {
    return names.contains(property);
  }

  /** The supported property names. */
  public Set<String> names() {
    return names;
  }

  public boolean width() {
    return isSupported("width");
  }

  public boolean height() {
    return isSupported("height");
  }

  public boolean aspectRatio() {
    return isSupported("aspectRatio");
  }

  public boolean frameRate() {
    return isSupported("frameRate");
  }

  public boolean facingMode() {
    return isSupported("facingMode");
  }

  public boolean resizeMode() {
    return isSupported("resizeMode");
  }

  public boolean sampleRate() {
    return isSupported("sampleRate");
  }

  public boolean sampleSize() {
    return isSupported("sampleSize");
  }

  public boolean echoCancellation() {
    return isSupported("echoCancellation");
  }

  public boolean autoGainControl() {
    return isSupported("autoGainControl");
  }

  public boolean noiseSuppression() {
    return isSupported("noiseSuppression");
  }

  public boolean latency() {
    return isSupported("latency");
  }

  public boolean channelCount() {
    return isSupported("channelCount");
  }

  public boolean deviceId() {
    return isSupported("deviceId");
  }

  public boolean groupId() {
    return isSupported("groupId");
  }

  public boolean displaySurface() {
    return isSupported("displaySurface");
  }

  /** JS's {@code JSON.stringify}: every supported name mapped to true, in the spec's order. */
  public String toJSON() {
    ObjectNode o = Json.object();
    for (String n : MediaTrackConstraintSet.PROPERTY_NAMES) {
      if (names.contains(n)) {
        o.put(n, true);
      }
    }
    return Json.write(o);
  }

  @Override
  public String toString() {
    return toJSON();
  }
}

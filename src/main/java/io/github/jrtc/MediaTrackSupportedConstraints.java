package io.github.jrtc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.internal.spec.Json;
import java.util.Set;

/**
 * The spec's {@code MediaTrackSupportedConstraints} ({@code
 * navigator.mediaDevices.getSupportedConstraints()}): which constrainable properties jrtc
 * recognises. JS {@code supported.width} is {@code supported.width()}; {@link #isSupported} takes a
 * property name.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/MediaTrackSupportedConstraints">MDN</a>.
 */
public final class MediaTrackSupportedConstraints {
  private final Set<String> names;

  MediaTrackSupportedConstraints(Set<String> names) {
    this.names = Set.copyOf(names);
  }

  /**
   * Whether jrtc understands the constraint of that name.
   *
   * @param property a constraint name, e.g. "width"
   * @return true when supported
   */
  public boolean isSupported(String property) {
    return names.contains(property);
  }

  /**
   * The supported property names.
   *
   * @return the names
   */
  public Set<String> names() {
    return names;
  }

  /**
   * Whether jrtc understands the {@code width} constraint.
   *
   * @return true when supported
   */
  public boolean width() {
    return isSupported("width");
  }

  /**
   * Whether jrtc understands the {@code height} constraint.
   *
   * @return true when supported
   */
  public boolean height() {
    return isSupported("height");
  }

  /**
   * Whether jrtc understands the {@code aspectRatio} constraint.
   *
   * @return true when supported
   */
  public boolean aspectRatio() {
    return isSupported("aspectRatio");
  }

  /**
   * Whether jrtc understands the {@code frameRate} constraint.
   *
   * @return true when supported
   */
  public boolean frameRate() {
    return isSupported("frameRate");
  }

  /**
   * Whether jrtc understands the {@code facingMode} constraint.
   *
   * @return true when supported
   */
  public boolean facingMode() {
    return isSupported("facingMode");
  }

  /**
   * Whether jrtc understands the {@code resizeMode} constraint.
   *
   * @return true when supported
   */
  public boolean resizeMode() {
    return isSupported("resizeMode");
  }

  /**
   * Whether jrtc understands the {@code sampleRate} constraint.
   *
   * @return true when supported
   */
  public boolean sampleRate() {
    return isSupported("sampleRate");
  }

  /**
   * Whether jrtc understands the {@code sampleSize} constraint.
   *
   * @return true when supported
   */
  public boolean sampleSize() {
    return isSupported("sampleSize");
  }

  /**
   * Whether jrtc understands the {@code echoCancellation} constraint.
   *
   * @return true when supported
   */
  public boolean echoCancellation() {
    return isSupported("echoCancellation");
  }

  /**
   * Whether jrtc understands the {@code autoGainControl} constraint.
   *
   * @return true when supported
   */
  public boolean autoGainControl() {
    return isSupported("autoGainControl");
  }

  /**
   * Whether jrtc understands the {@code noiseSuppression} constraint.
   *
   * @return true when supported
   */
  public boolean noiseSuppression() {
    return isSupported("noiseSuppression");
  }

  /**
   * Whether jrtc understands the {@code latency} constraint.
   *
   * @return true when supported
   */
  public boolean latency() {
    return isSupported("latency");
  }

  /**
   * Whether jrtc understands the {@code channelCount} constraint.
   *
   * @return true when supported
   */
  public boolean channelCount() {
    return isSupported("channelCount");
  }

  /**
   * Whether jrtc understands the {@code deviceId} constraint.
   *
   * @return true when supported
   */
  public boolean deviceId() {
    return isSupported("deviceId");
  }

  /**
   * Whether jrtc understands the {@code groupId} constraint.
   *
   * @return true when supported
   */
  public boolean groupId() {
    return isSupported("groupId");
  }

  /**
   * Whether jrtc understands the {@code displaySurface} constraint.
   *
   * @return true when supported
   */
  public boolean displaySurface() {
    return isSupported("displaySurface");
  }

  /**
   * JS's {@code JSON.stringify}: every supported name mapped to true, in the spec's order.
   *
   * @return the JSON text
   */
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

package io.github.jrtc;

import java.util.Map;

/**
 * The constraints a track was asked to honour ({@code track.getConstraints()}, {@code
 * applyConstraints(c)}). Each entry maps a constraint name ("width", "frameRate", "deviceId", ...)
 * to its JS value: a number, string or boolean (a bare value means "ideal"), or a map with
 * "exact"/"ideal"/"min"/"max" keys, as in JS. {@code advanced} is not supported.
 */
public record MediaTrackConstraints(Map<String, Object> constraints) {

  public MediaTrackConstraints {
    constraints = constraints == null ? Map.of() : Map.copyOf(constraints);
  }

  /** The empty constraint set {@code {}}. */
  public MediaTrackConstraints() {
    this(Map.of());
  }

  /** The value given for {@code name}, or null. */
  public Object get(String name) {
    return constraints.get(name);
  }

  public boolean isEmpty() {
    return constraints.isEmpty();
  }
}

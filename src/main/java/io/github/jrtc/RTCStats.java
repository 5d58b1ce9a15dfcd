package io.github.jrtc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One stats object of an {@link RTCStatsReport}, as the JS dictionary it is: {@link #id()}, {@link
 * #type()} (the spec's string, e.g. "inbound-rtp"), {@link #timestamp()} in milliseconds, and every
 * other member by its spec name through {@link #get(String)}. Integral counters are {@code Long},
 * fractional values {@code Double}.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCStatsReport">MDN</a>.
 */
public final class RTCStats {
  private final String id;
  private final String type;
  private final double timestamp;
  private final Map<String, Object> members;

  /**
   * A stats object.
   *
   * @param id its id (not null)
   * @param type its spec type, e.g. "inbound-rtp" (not null)
   * @param timestamp milliseconds since the epoch
   * @param members the other members by spec name (copied)
   */
  public RTCStats(String id, String type, double timestamp, Map<String, Object> members) {
    this.id = Objects.requireNonNull(id, "id");
    this.type = Objects.requireNonNull(type, "type");
    this.timestamp = timestamp;
    this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  /**
   * The stats object's id, unique within a report.
   *
   * @return the id
   */
  public String id() {
    return id;
  }

  /**
   * The spec type, e.g. "inbound-rtp" or "candidate-pair".
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * Milliseconds since the epoch, as JS's DOMHighResTimeStamp.
   *
   * @return the timestamp
   */
  public double timestamp() {
    return timestamp;
  }

  /**
   * A member by its spec name ("bytesReceived", "framesPerSecond", ...), or null if absent.
   *
   * @param member the member's spec name
   * @return the value, or null
   */
  public Object get(String member) {
    return switch (member) {
      case "id" -> id;
      case "type" -> type;
      case "timestamp" -> timestamp;
      default -> members.get(member);
    };
  }

  /**
   * A numeric member as a long, or {@code fallback} when it is absent or not a number.
   *
   * @param member the member's spec name
   * @param fallback what to return when it is absent
   * @return the value
   */
  public long getLong(String member, long fallback) {
    return members.get(member) instanceof Number n ? n.longValue() : fallback;
  }

  /**
   * A numeric member as a double, or {@code fallback} when it is absent or not a number.
   *
   * @param member the member's spec name
   * @param fallback what to return when it is absent
   * @return the value
   */
  public double getDouble(String member, double fallback) {
    return members.get(member) instanceof Number n ? n.doubleValue() : fallback;
  }

  /**
   * Every member but id, type and timestamp, read-only.
   *
   * @return the members by spec name
   */
  public Map<String, Object> members() {
    return members;
  }

  @Override
  public String toString() {
    return "RTCStats[id="
        + id
        + ", type="
        + type
        + ", timestamp="
        + timestamp
        + ", "
        + members
        + "]";
  }
}

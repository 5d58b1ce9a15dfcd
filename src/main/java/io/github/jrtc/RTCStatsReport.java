package io.github.jrtc;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The result of {@code getStats()}: a read-only map from stats id to {@link RTCStats}, like JS's
 * maplike RTCStatsReport ({@code get}, {@code has}, {@code forEach}, {@code keySet}, {@code
 * values}, {@code size}).
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCStatsReport">MDN</a>.
 */
public final class RTCStatsReport extends AbstractMap<String, RTCStats> {
  private final Map<String, RTCStats> stats;

  /**
   * A report of the given stats objects, by id (copied).
   *
   * @param stats the stats objects by id
   */
  public RTCStatsReport(Map<String, RTCStats> stats) {
    this.stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
  }

  @Override
  public Set<Entry<String, RTCStats>> entrySet() {
    return stats.entrySet();
  }

  @Override
  public RTCStats get(Object id) {
    return stats.get(id);
  }

  /**
   * JS's {@code report.has(id)}.
   *
   * @param id a stats object's id
   * @return whether the report has it
   */
  public boolean has(String id) {
    return stats.containsKey(id);
  }

  /**
   * JS's {@code report.forEach((value, key) => ...)} argument order.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCStatsReport/forEach">MDN</a>.
   *
   * @param action called with each stats object and its id
   */
  public void forEachStats(BiConsumer<RTCStats, String> action) {
    stats.forEach((k, v) -> action.accept(v, k));
  }

  /**
   * Every stats object of the given spec type, e.g. {@code ofType("candidate-pair")}.
   *
   * @param type a stats type string
   * @return the matching stats objects
   */
  public List<RTCStats> ofType(String type) {
    return stats.values().stream().filter(s -> s.type().equals(type)).toList();
  }
}

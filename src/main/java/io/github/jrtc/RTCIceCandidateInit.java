package io.github.jrtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.internal.spec.Json;

/**
 * The {@code RTCIceCandidateInit} dictionary, what signaling carries for a candidate. An empty
 * candidate string means end-of-candidates.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceCandidate/RTCIceCandidate">MDN</a>.
 */
public record RTCIceCandidateInit(
    String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
  /**
   * The dictionary; a null candidate is "" (end-of-candidates).
   *
   * @param candidate the {@code candidate} member
   * @param sdpMid the {@code sdpMid} member
   * @param sdpMLineIndex the {@code sdpMLineIndex} member
   * @param usernameFragment the {@code usernameFragment} member
   */
  public RTCIceCandidateInit {
    if (candidate == null) {
      candidate = "";
    }
  }

  /**
   * A candidate dictionary without a usernameFragment.
   *
   * @param candidate the candidate line; "" for end-of-candidates
   * @param sdpMid the m-section's mid, or null
   * @param sdpMLineIndex the m-section's index, or null
   */
  public RTCIceCandidateInit(String candidate, String sdpMid, Integer sdpMLineIndex) {
    this(candidate, sdpMid, sdpMLineIndex, null);
  }

  /**
   * A browser's {@code JSON.stringify(candidate)}: {@code
   * {"candidate":"candidate:...","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"abcd"}}.
   *
   * @return the JSON text
   */
  public String toJSON() {
    ObjectNode o = Json.object();
    o.put("candidate", candidate);
    o.put("sdpMid", sdpMid);
    if (sdpMLineIndex == null) {
      o.putNull("sdpMLineIndex");
    } else {
      o.put("sdpMLineIndex", sdpMLineIndex.intValue());
    }
    o.put("usernameFragment", usernameFragment);
    return Json.write(o);
  }

  /**
   * Parses a browser's {@code JSON.stringify(candidate)} (or {@link #toJSON()}).
   *
   * @param json the JSON text
   * @return the dictionary
   */
  public static RTCIceCandidateInit fromJSON(String json) {
    JsonNode node = Json.readObject(json, "RTCIceCandidateInit");
    return new RTCIceCandidateInit(
        Json.text(node, "candidate"),
        Json.text(node, "sdpMid"),
        Json.integer(node, "sdpMLineIndex"),
        Json.text(node, "usernameFragment"));
  }
}

package io.github.jrtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.internal.spec.Json;

/**
 * The {@code RTCIceCandidateInit} dictionary, what signaling carries for a candidate. An empty
 * candidate string means end-of-candidates.
 */
public record RTCIceCandidateInit(
    String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {
  public RTCIceCandidateInit {
    if (candidate == null) {
      candidate = "";
    }
  }

  public RTCIceCandidateInit(String candidate, String sdpMid, Integer sdpMLineIndex) {
    this(candidate, sdpMid, sdpMLineIndex, null);
  }

  /**
   * A browser's {@code JSON.stringify(candidate)}: {@code
   * {"candidate":"candidate:...","sdpMid":"0","sdpMLineIndex":0,"usernameFragment":"abcd"}}.
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

  public static RTCIceCandidateInit fromJSON(String json) {
    JsonNode node = Json.readObject(json, "RTCIceCandidateInit");
    return new RTCIceCandidateInit(
        Json.text(node, "candidate"),
        Json.text(node, "sdpMid"),
        Json.integer(node, "sdpMLineIndex"),
        Json.text(node, "usernameFragment"));
  }
}

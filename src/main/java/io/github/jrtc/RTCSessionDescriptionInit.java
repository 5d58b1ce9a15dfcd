package io.github.jrtc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.internal.spec.Json;

/**
 * The {@code RTCSessionDescriptionInit} dictionary that createOffer/createAnswer resolve and that
 * signaling carries. A left-out sdp is "" and a left-out type is null (setLocalDescription infers
 * it).
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSessionDescription/RTCSessionDescription">MDN</a>.
 */
public record RTCSessionDescriptionInit(RTCSdpType type, String sdp) {
  /**
   * The dictionary; a null sdp is "", as a left-out member in JS.
   *
   * @param type the {@code type} member
   * @param sdp the {@code sdp} member
   */
  public RTCSessionDescriptionInit {
    if (sdp == null) {
      sdp = "";
    }
  }

  /**
   * JSON.stringify's shape: {@code {"type":"offer","sdp":"v=0..."}}.
   *
   * @return the JSON text
   */
  public String toJSON() {
    ObjectNode o = Json.object();
    if (type != null) {
      o.put("type", type.toString());
    }
    o.put("sdp", sdp);
    return Json.write(o);
  }

  /**
   * Parses {@link #toJSON()}'s shape; TypeError for malformed JSON or an unknown type.
   *
   * @param json the JSON text
   * @return the dictionary
   */
  public static RTCSessionDescriptionInit fromJSON(String json) {
    JsonNode node = Json.readObject(json, "RTCSessionDescriptionInit");
    String type = Json.text(node, "type");
    return new RTCSessionDescriptionInit(
        type == null ? null : RTCSdpType.fromString(type), Json.text(node, "sdp"));
  }
}

package io.github.jrtc.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.TypeError;
import io.github.jrtc.internal.spec.Json;

/**
 * What perfect negotiation sends over signaling: {@code {description}} or {@code {candidate}}, in
 * the JSON shape of MDN's example ({@code {"description":{"type":...,"sdp":...}}} or {@code
 * {"candidate":{...}}}). A candidate message with a null candidate is the end of candidates.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Perfect_negotiation">MDN</a>.
 */
public record NegotiationMessage(
    RTCSessionDescriptionInit description, RTCIceCandidateInit candidate) {

  /**
   * A message carrying a description.
   *
   * @param description the description
   * @return the message
   */
  public static NegotiationMessage ofDescription(RTCSessionDescriptionInit description) {
    return new NegotiationMessage(description, null);
  }

  /**
   * A message carrying a candidate (null: the end of gathering).
   *
   * @param candidate the candidate, or null
   * @return the message
   */
  public static NegotiationMessage ofCandidate(RTCIceCandidateInit candidate) {
    return new NegotiationMessage(null, candidate);
  }

  /**
   * Whether this message carries a description (else a candidate).
   *
   * @return true for a description
   */
  public boolean isDescription() {
    return description != null;
  }

  /**
   * The JSON form: {@code {"description": {...}}} or {@code {"candidate": {...}}}.
   *
   * @return the JSON text
   */
  public String toJSON() {
    ObjectNode o = Json.object();
    if (description != null) {
      o.set("description", Json.readObject(description.toJSON(), "description"));
    } else if (candidate != null) {
      o.set("candidate", Json.readObject(candidate.toJSON(), "candidate"));
    } else {
      o.putNull("candidate");
    }
    return Json.write(o);
  }

  /**
   * TypeError for JSON that is neither shape.
   *
   * @param json the JSON text
   * @return the message
   */
  public static NegotiationMessage fromJSON(String json) {
    JsonNode node = Json.readObject(json, "NegotiationMessage");
    JsonNode d = node.get("description");
    if (d != null && d.isObject()) {
      return ofDescription(RTCSessionDescriptionInit.fromJSON(d.toString()));
    }
    if (node.has("candidate")) {
      JsonNode c = node.get("candidate");
      if (c.isNull()) {
        return ofCandidate(null);
      }
      if (c.isObject()) {
        return ofCandidate(RTCIceCandidateInit.fromJSON(c.toString()));
      }
    }
    throw new TypeError("A negotiation message has a 'description' or a 'candidate'");
  }
}

package io.github.jrtc.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.signaling.SignalingMessage.ChatMessage;
import io.github.jrtc.signaling.SignalingMessage.Error;
import io.github.jrtc.signaling.SignalingMessage.HangUp;
import io.github.jrtc.signaling.SignalingMessage.Id;
import io.github.jrtc.signaling.SignalingMessage.NewIceCandidate;
import io.github.jrtc.signaling.SignalingMessage.Other;
import io.github.jrtc.signaling.SignalingMessage.RejectUsername;
import io.github.jrtc.signaling.SignalingMessage.UserList;
import io.github.jrtc.signaling.SignalingMessage.Username;
import io.github.jrtc.signaling.SignalingMessage.VideoAnswer;
import io.github.jrtc.signaling.SignalingMessage.VideoOffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of MDN's signaling protocol, both ways. Decoding is strict about the fields a
 * message needs (a {@code video-offer} without an {@code sdp} object is refused) and lenient about
 * extra fields, as JavaScript peers are.
 */
public final class SignalingCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SignalingCodec() {}

  /** A message the codec could not read; its text says what was wrong. */
  public static final class MalformedMessageException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The machine-readable reason. */
    private final String code;

    MalformedMessageException(String code, String message) {
      super(message);
      this.code = code;
    }

    /**
     * {@code "malformed-json"} (not JSON / not an object) or {@code "bad-message"}.
     *
     * @return the code
     */
    public String code() {
      return code;
    }
  }

  /**
   * The JSON text of a message, as MDN's protocol has it.
   *
   * @param message the message
   * @return the JSON text
   */
  public static String encode(SignalingMessage message) {
    return write(toJson(message));
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode toJson(SignalingMessage message) {
    if (message instanceof Other o) {
      ObjectNode node = parseObject(o.json());
      node.put("type", o.type());
      putOrSkip(node, "name", o.name());
      putOrSkip(node, "target", o.target());
      return node;
    }
    ObjectNode n = MAPPER.createObjectNode();
    if (message instanceof Id m) {
      n.put("type", "id");
      n.put("id", m.id());
    } else if (message instanceof Username m) {
      n.put("name", m.name());
      putOrSkip(n, "date", m.date());
      putOrSkip(n, "id", m.id());
      n.put("type", "username");
    } else if (message instanceof RejectUsername m) {
      putOrSkip(n, "id", m.id());
      n.put("type", "rejectusername");
      n.put("name", m.name());
    } else if (message instanceof UserList m) {
      n.put("type", "userlist");
      ArrayNode users = n.putArray("users");
      m.users().forEach(users::add);
    } else if (message instanceof ChatMessage m) {
      n.put("text", m.text());
      n.put("type", "message");
      putOrSkip(n, "id", m.id());
      putOrSkip(n, "date", m.date());
      putOrSkip(n, "name", m.name());
    } else if (message instanceof VideoOffer m) {
      description(n, "video-offer", m.name(), m.target(), m.sdp());
    } else if (message instanceof VideoAnswer m) {
      description(n, "video-answer", m.name(), m.target(), m.sdp());
    } else if (message instanceof NewIceCandidate m) {
      n.put("type", "new-ice-candidate");
      putOrSkip(n, "name", m.name());
      putOrSkip(n, "target", m.target());
      n.set("candidate", parseObject(m.candidate().toJSON()));
    } else if (message instanceof HangUp m) {
      putOrSkip(n, "name", m.name());
      putOrSkip(n, "target", m.target());
      n.put("type", "hang-up");
    } else if (message instanceof Error m) {
      n.put("type", "error");
      n.put("error", m.error());
      putOrSkip(n, "message", m.message());
    } else {
      throw new IllegalArgumentException("unknown message " + message);
    }
    return n;
  }

  private static void description(
      ObjectNode n, String type, String name, String target, RTCSessionDescriptionInit sdp) {
    putOrSkip(n, "name", name);
    putOrSkip(n, "target", target);
    n.put("type", type);
    ObjectNode d = n.putObject("sdp");
    if (sdp.type() != null) {
      d.put("type", sdp.type().toString());
    }
    d.put("sdp", sdp.sdp());
  }

  private static void putOrSkip(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static void putOrSkip(ObjectNode n, String field, Long value) {
    if (value != null) {
      n.put(field, value.longValue());
    }
  }

  /**
   * Parses one protocol message.
   *
   * @param json the JSON text
   * @return the message
   */
  public static SignalingMessage decode(String json) {
    return fromJson(parseObject(json));
  }

  static ObjectNode parseObject(String json) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new MalformedMessageException(
          "malformed-json", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new MalformedMessageException("malformed-json", "a message must be a JSON object");
    }
    return (ObjectNode) node;
  }

  static SignalingMessage fromJson(ObjectNode n) {
    String type = text(n, "type");
    if (type == null) {
      throw bad("a message needs a string \"type\"");
    }
    return switch (type) {
      case "id" -> new Id(requiredLong(n, "id"));
      case "username" ->
          new Username(required(n, "name"), optionalLong(n, "date"), optionalLong(n, "id"));
      case "rejectusername" -> new RejectUsername(optionalLong(n, "id"), required(n, "name"));
      case "userlist" -> new UserList(users(n));
      case "message" ->
          new ChatMessage(
              required(n, "text"), text(n, "name"), optionalLong(n, "id"), optionalLong(n, "date"));
      case "video-offer" -> new VideoOffer(text(n, "name"), text(n, "target"), sdp(n));
      case "video-answer" -> new VideoAnswer(text(n, "name"), text(n, "target"), sdp(n));
      case "new-ice-candidate" ->
          new NewIceCandidate(text(n, "name"), text(n, "target"), candidate(n));
      case "hang-up" -> new HangUp(text(n, "name"), text(n, "target"));
      case "error" -> new Error(required(n, "error"), text(n, "message"));
      default -> new Other(type, text(n, "name"), text(n, "target"), write(n));
    };
  }

  private static MalformedMessageException bad(String message) {
    return new MalformedMessageException("bad-message", message);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw bad("\"" + field + "\" must be a string");
    }
    return v.textValue();
  }

  private static String required(JsonNode n, String field) {
    String s = text(n, field);
    if (s == null) {
      throw bad("\"" + field + "\" is required");
    }
    return s;
  }

  private static Long optionalLong(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isIntegralNumber() && !(v.isNumber() && v.canConvertToLong())) {
      throw bad("\"" + field + "\" must be a number");
    }
    return v.asLong();
  }

  private static long requiredLong(JsonNode n, String field) {
    Long v = optionalLong(n, field);
    if (v == null) {
      throw bad("\"" + field + "\" is required");
    }
    return v;
  }

  private static List<String> users(JsonNode n) {
    JsonNode v = n.get("users");
    if (v == null || !v.isArray()) {
      throw bad("\"users\" must be an array");
    }
    List<String> users = new ArrayList<>();
    for (JsonNode u : v) {
      if (u.isTextual()) {
        users.add(u.textValue());
      }
    }
    return users;
  }

  private static RTCSessionDescriptionInit sdp(JsonNode n) {
    JsonNode d = n.get("sdp");
    if (d == null || !d.isObject()) {
      throw bad("\"sdp\" must be the description object {type, sdp}");
    }
    String type = text(d, "type");
    RTCSdpType sdpType;
    try {
      sdpType = type == null ? null : RTCSdpType.fromString(type);
    } catch (IllegalArgumentException e) {
      throw bad("unknown description type \"" + type + "\"");
    }
    return new RTCSessionDescriptionInit(sdpType, text(d, "sdp"));
  }

  private static RTCIceCandidateInit candidate(JsonNode n) {
    JsonNode c = n.get("candidate");
    if (c == null || !c.isObject()) {
      throw bad("\"candidate\" must be the candidate's JSON form {candidate, sdpMid, ...}");
    }
    JsonNode index = c.get("sdpMLineIndex");
    Integer mLineIndex = null;
    if (index != null && !index.isNull()) {
      if (!index.canConvertToInt() || !index.isIntegralNumber()) {
        throw bad("\"sdpMLineIndex\" must be an integer");
      }
      mLineIndex = index.intValue();
    }
    return new RTCIceCandidateInit(
        text(c, "candidate"), text(c, "sdpMid"), mLineIndex, text(c, "usernameFragment"));
  }
}

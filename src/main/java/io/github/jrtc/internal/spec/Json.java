package io.github.jrtc.internal.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.jrtc.TypeError;

/** The one shared Jackson mapper, and the JSON shapes JS's JSON.stringify gives. */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses a JSON object; TypeError (as JSON.parse's misuse would give) for anything else. */
  public static JsonNode readObject(String json, String what) {
    if (json == null) {
      throw new TypeError(what + " JSON must not be null");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new TypeError("Malformed " + what + " JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new TypeError(what + " JSON must be an object");
    }
    return node;
  }

  public static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  public static Integer integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt()) {
      throw new TypeError(field + " must be an integer");
    }
    return v.asInt();
  }
}

package io.github.jrtc.interop;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** JSON for the peer protocol (see {@link PeerLink}). */
final class Messages {
  static final ObjectMapper JSON = new ObjectMapper();

  private Messages() {}

  static ObjectNode of(String type) {
    return JSON.createObjectNode().put("type", type);
  }

  static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("not JSON: " + text, e);
    }
  }

  static String write(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean is(JsonNode m, String type) {
    return type.equals(m.path("type").asText());
  }
}

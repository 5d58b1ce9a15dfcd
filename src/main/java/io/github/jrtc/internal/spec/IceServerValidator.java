package io.github.jrtc.internal.spec;

import io.github.jrtc.RTCIceServer;
import java.util.List;
import java.util.Locale;

/**
 * The spec's "validate an ICE server" (webrtc-pc, set a configuration): SyntaxError for a URL that
 * is not a stun:, stuns:, turn: or turns: URI (or empty urls), InvalidAccessError for a TURN server
 * without username or credential.
 */
public final class IceServerValidator {
  private IceServerValidator() {}

  public static void validate(List<RTCIceServer> servers) {
    if (servers == null) {
      return;
    }
    for (RTCIceServer server : servers) {
      if (server == null || server.urls() == null || server.urls().isEmpty()) {
        throw Errors.syntax("An ICE server needs at least one URL");
      }
      for (String url : server.urls()) {
        validateUrl(server, url);
      }
    }
  }

  private static void validateUrl(RTCIceServer server, String url) {
    if (url == null || url.isEmpty()) {
      throw Errors.syntax("Empty ICE server URL");
    }
    int colon = url.indexOf(':');
    if (colon <= 0) {
      throw Errors.syntax("'" + url + "' is not a STUN or TURN URL");
    }
    String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = url.substring(colon + 1);
    boolean turn;
    switch (scheme) {
      case "stun", "stuns" -> turn = false;
      case "turn", "turns" -> turn = true;
      default -> throw Errors.syntax("'" + url + "' has unsupported scheme '" + scheme + "'");
    }
    String hostPort = rest;
    int query = rest.indexOf('?');
    if (query >= 0) {
      if (!turn) {
        throw Errors.syntax("A STUN URL cannot have a query: '" + url + "'");
      }
      String q = rest.substring(query + 1);
      if (!q.equals("transport=udp") && !q.equals("transport=tcp")) {
        throw Errors.syntax("Unsupported TURN URL query '" + q + "' in '" + url + "'");
      }
      hostPort = rest.substring(0, query);
    }
    if (hostPort.isEmpty() || hostPort.contains("/") || hostPort.contains("@")) {
      throw Errors.syntax("'" + url + "' has no valid host");
    }
    String host = hostPort;
    String port = null;
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      if (end < 0) {
        throw Errors.syntax("'" + url + "' has a malformed IPv6 address");
      }
      host = hostPort.substring(0, end + 1);
      if (end + 1 < hostPort.length()) {
        if (hostPort.charAt(end + 1) != ':') {
          throw Errors.syntax("'" + url + "' has a malformed port");
        }
        port = hostPort.substring(end + 2);
      }
    } else {
      int c = hostPort.lastIndexOf(':');
      if (c >= 0) {
        host = hostPort.substring(0, c);
        port = hostPort.substring(c + 1);
      }
    }
    if (host.isEmpty()) {
      throw Errors.syntax("'" + url + "' has no host");
    }
    if (port != null) {
      try {
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) {
          throw Errors.syntax("'" + url + "' has a port out of range");
        }
      } catch (NumberFormatException e) {
        throw Errors.syntax("'" + url + "' has a malformed port");
      }
    }
    if (turn && (server.username() == null || server.credential() == null)) {
      throw Errors.invalidAccess("A TURN server needs a username and a credential: '" + url + "'");
    }
  }
}

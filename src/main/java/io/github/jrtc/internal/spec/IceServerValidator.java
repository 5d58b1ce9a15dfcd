package io.github.jrtc.internal.spec;

import io.github.jrtc.RTCIceServer;
import io.github.jrtc.TypeError;
import java.util.List;
import java.util.Locale;

/**
 * The spec's "validate an ICE server" (webrtc-pc, set a configuration) with the URI grammar of RFC
 * 7064 / 7065: TypeError for a missing server or a missing {@code urls} (a required dictionary
 * member), SyntaxError for empty urls or a URL that is not {@code scheme ":" host [":" port]
 * ["?transport=" udp|tcp]}, InvalidAccessError for a TURN server without username or credential,
 * with an empty credential or a username longer than RFC 8489's 509 bytes.
 *
 * <p>It is also the guard in front of libwebrtc: webrtc-java 0.14.0 aborts the JVM when libwebrtc
 * refuses a configuration, so every URL accepted here must be one libwebrtc parses (see {@link
 * #forNative} for the one case the spec accepts and libwebrtc does not).
 */
public final class IceServerValidator {
  /** RFC 8489 section 14.3: the USERNAME attribute is under 509 bytes (WPT "510 characters"). */
  static final int MAX_TURN_USERNAME_BYTES = 509;

  private IceServerValidator() {}

  public static void validate(List<RTCIceServer> servers) {
    if (servers == null) {
      return;
    }
    for (int i = 0; i < servers.size(); i++) {
      RTCIceServer server = servers.get(i);
      if (server == null) {
        throw new TypeError("iceServers[" + i + "] is null; an RTCIceServer is required");
      }
      if (server.urls() == null) {
        throw new TypeError("iceServers[" + i + "] has no urls, a required RTCIceServer member");
      }
      if (server.urls().isEmpty()) {
        throw Errors.syntax("iceServers[" + i + "] needs at least one URL");
      }
      for (String url : server.urls()) {
        validateUrl(server, url);
      }
    }
  }

  /**
   * The URL as libwebrtc must see it: the scheme in lower case (libwebrtc compares it
   * case-sensitively and refuses "STUN:", which RFC 3986 makes the same scheme), or null when
   * libwebrtc cannot take it although the spec accepts it: a TURN URL with an empty username
   * (libwebrtc refuses any TURN server with an empty username or password).
   */
  public static String forNative(RTCIceServer server, String url) {
    int colon = url.indexOf(':');
    String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
    if ((scheme.equals("turn") || scheme.equals("turns")) && server.username().isEmpty()) {
      return null;
    }
    return scheme + url.substring(colon);
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
    String host = hostPort;
    String port = null;
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      if (end < 0) {
        throw Errors.syntax("'" + url + "' has a malformed IPv6 address");
      }
      host = hostPort.substring(0, end + 1);
      if (!isIpLiteral(host.substring(1, end))) {
        throw Errors.syntax("'" + url + "' has a malformed IPv6 address");
      }
      if (end + 1 < hostPort.length()) {
        if (hostPort.charAt(end + 1) != ':') {
          throw Errors.syntax("'" + url + "' has a malformed port");
        }
        port = hostPort.substring(end + 2);
      }
    } else {
      int c = hostPort.indexOf(':');
      if (c >= 0) {
        host = hostPort.substring(0, c);
        port = hostPort.substring(c + 1);
      }
      if (host.isEmpty()) {
        throw Errors.syntax("'" + url + "' has no host");
      }
      if (!isRegName(host)) {
        // Catches paths, fragments, userinfo, backslashes and IPv6 addresses without brackets.
        throw Errors.syntax("'" + url + "' has no valid host (RFC 7064: host [\":\" port])");
      }
    }
    if (port != null) {
      if (port.isEmpty()
          || port.length() > 5
          || !port.chars().allMatch(IceServerValidator::digit)) {
        throw Errors.syntax("'" + url + "' has a malformed port");
      }
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw Errors.syntax("'" + url + "' has a port out of range");
      }
    }
    if (turn) {
      validateTurnCredentials(server, url);
    }
  }

  private static void validateTurnCredentials(RTCIceServer server, String url) {
    if (server.username() == null || server.credential() == null) {
      throw Errors.invalidAccess("A TURN server needs a username and a credential: '" + url + "'");
    }
    if (server.credential().isEmpty()) {
      throw Errors.invalidAccess("A TURN server's credential cannot be empty: '" + url + "'");
    }
    if (server.username().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        > MAX_TURN_USERNAME_BYTES) {
      throw Errors.invalidAccess(
          "A TURN username is limited to "
              + MAX_TURN_USERNAME_BYTES
              + " bytes (RFC 8489): '"
              + url
              + "'");
    }
  }

  private static boolean digit(int c) {
    return c >= '0' && c <= '9';
  }

  /** RFC 3986 reg-name (which includes IPv4 addresses): unreserved, pct-encoded, sub-delims. */
  private static boolean isRegName(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || digit(c)
              || "-._~!$&'()*+,;=".indexOf(c) >= 0;
      if (c == '%') {
        ok = i + 2 < host.length() && hex(host.charAt(i + 1)) && hex(host.charAt(i + 2));
        i += 2;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpLiteral(String inside) {
    if (inside.isEmpty() || inside.indexOf(':') < 0) {
      return false;
    }
    for (int i = 0; i < inside.length(); i++) {
      char c = inside.charAt(i);
      if (!hex(c) && c != ':' && c != '.') {
        return false;
      }
    }
    return true;
  }

  private static boolean hex(char c) {
    return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}

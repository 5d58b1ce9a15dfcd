package io.github.jrtc.whip.server;

/**
 * The entity-tag of a session's ICE session (RFC 9725 section 4.3.1: "a unique strong entity-tag
 * identifying the ICE session"), compared on every trickle PATCH.
 */
final class IceSession {
  private final String etag;

  IceSession(String etag) {
    this.etag = etag;
  }

  String etag() {
    return etag;
  }

  /** RFC 9110 section 13.1.1: strong comparison of each listed entity-tag. */
  boolean matches(String ifMatch) {
    for (String tag : ifMatch.split(",")) {
      if (tag.trim().equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /** {@code *} (RFC 9110) or {@code "*"} (as RFC 9725's example writes it): an ICE restart. */
  static boolean isWildcard(String ifMatch) {
    String t = ifMatch.trim();
    return t.equals("*") || t.equals("\"*\"");
  }
}

package io.github.jrtc.internal.whip;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 8288 {@code Link} header field values: {@code <uri>; name=value; name="quoted"}, several per
 * field separated by commas. Hostile input gets a {@link IllegalArgumentException} naming what was
 * wrong, never more work than its length: each value is read once, left to right, and there are
 * caps on links and parameters.
 */
public final class LinkHeader {
  /** More links than this in one response is refused (a server has a handful of ICE servers). */
  public static final int MAX_LINKS = 32;

  public static final int MAX_PARAMS = 16;
  public static final int MAX_CHARS = 8192;

  /** One link: its target (unresolved) and its parameters (names lower-cased, first one wins). */
  public record Link(String target, Map<String, String> params) {
    public String param(String name) {
      return params.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether {@code rel} holds this relation type (rel may list several, space-separated). */
    public boolean hasRel(String rel) {
      String r = param("rel");
      if (r == null) {
        return false;
      }
      for (String t : r.trim().split("[ \t]+")) {
        if (t.equalsIgnoreCase(rel)) {
          return true;
        }
      }
      return false;
    }
  }

  private final String s;
  private int i;

  private LinkHeader(String s) {
    this.s = s;
  }

  /** Parses every value of every {@code Link} field given. */
  public static List<Link> parse(List<String> fieldValues) {
    List<Link> out = new ArrayList<>();
    int total = 0;
    for (String v : fieldValues) {
      total += v.length();
      if (total > MAX_CHARS) {
        throw new IllegalArgumentException("Link header over " + MAX_CHARS + " characters");
      }
      new LinkHeader(v).parseInto(out);
    }
    return Collections.unmodifiableList(out);
  }

  private void parseInto(List<Link> out) {
    while (true) {
      skipWs();
      if (i >= s.length()) {
        return;
      }
      if (s.charAt(i) == ',') {
        // Empty list elements are allowed (RFC 9110 section 5.6.1).
        i++;
        continue;
      }
      if (out.size() >= MAX_LINKS) {
        throw new IllegalArgumentException("more than " + MAX_LINKS + " links");
      }
      out.add(link());
      skipWs();
      if (i < s.length()) {
        if (s.charAt(i) != ',') {
          throw bad("',' or end after a link");
        }
        i++;
      }
    }
  }

  private Link link() {
    if (s.charAt(i) != '<') {
      throw bad("'<' opening a link target");
    }
    int end = s.indexOf('>', i + 1);
    if (end < 0) {
      throw bad("'>' closing the link target");
    }
    String target = s.substring(i + 1, end).trim();
    for (int k = 0; k < target.length(); k++) {
      char c = target.charAt(k);
      if (c <= ' ' || c == 0x7f || c == '<') {
        throw new IllegalArgumentException("link target has a control or space character");
      }
    }
    if (target.isEmpty()) {
      throw new IllegalArgumentException("empty link target");
    }
    i = end + 1;
    Map<String, String> params = new LinkedHashMap<>();
    while (true) {
      skipWs();
      if (i >= s.length() || s.charAt(i) == ',') {
        return new Link(target, Collections.unmodifiableMap(params));
      }
      if (s.charAt(i) != ';') {
        throw bad("';' before a link parameter");
      }
      i++;
      skipWs();
      if (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == ';')) {
        continue; // "<a>;;rel=x" and a trailing ';' are tolerated, as browsers do
      }
      String name = token().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        if (i >= s.length()) {
          return new Link(target, Collections.unmodifiableMap(params));
        }
        throw bad("a parameter name");
      }
      skipWs();
      String value = "";
      if (i < s.length() && s.charAt(i) == '=') {
        i++;
        skipWs();
        value = i < s.length() && s.charAt(i) == '"' ? quoted() : token();
      }
      if (params.size() >= MAX_PARAMS) {
        throw new IllegalArgumentException("more than " + MAX_PARAMS + " parameters on a link");
      }
      // RFC 8288 section 3.3: occurrences after the first of "rel" are ignored; same for all here.
      params.putIfAbsent(name, value);
    }
  }

  private String token() {
    int start = i;
    while (i < s.length() && isTchar(s.charAt(i))) {
      i++;
    }
    return s.substring(start, i);
  }

  private String quoted() {
    StringBuilder b = new StringBuilder();
    i++; // opening quote
    while (i < s.length()) {
      char c = s.charAt(i++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        if (i >= s.length()) {
          break;
        }
        c = s.charAt(i++);
      }
      if (c < ' ' && c != '\t' || c == 0x7f) {
        throw new IllegalArgumentException("control character in a quoted link parameter");
      }
      b.append(c);
    }
    throw bad("'\"' closing a quoted string");
  }

  private void skipWs() {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
  }

  private static boolean isTchar(char c) {
    return c < 0x7f
        && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)
        && c > ' ';
  }

  private IllegalArgumentException bad(String expected) {
    return new IllegalArgumentException(
        "malformed Link header: expected " + expected + " at character " + i);
  }
}

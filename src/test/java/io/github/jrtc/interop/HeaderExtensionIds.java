package io.github.jrtc.interop;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an application must do to aiortc 1.4's audio+video offers before jrtc (or Chrome) accepts
 * them: aiortc gives ssrc-audio-level (audio) and abs-send-time (video) the same extmap id 2 in one
 * BUNDLE group, which libwebrtc rejects ("A BUNDLE group contains a codec collision for header
 * extension id=2"). This renumbers every later, colliding use to a free id. aiortc then uses the id
 * from jrtc's answer, so both directions agree on it.
 */
final class HeaderExtensionIds {
  private static final Pattern EXTMAP =
      Pattern.compile("^a=extmap:(\\d+)(/\\S+)? (\\S+)(.*)$", Pattern.MULTILINE);

  private HeaderExtensionIds() {}

  static String makeDistinct(String sdp) {
    Map<Integer, String> uriById = new HashMap<>();
    Map<String, Integer> idByUri = new HashMap<>();
    TreeSet<Integer> used = new TreeSet<>();
    Matcher all = EXTMAP.matcher(sdp);
    while (all.find()) {
      used.add(Integer.parseInt(all.group(1)));
    }
    Matcher m = EXTMAP.matcher(sdp);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int id = Integer.parseInt(m.group(1));
      String uri = m.group(3);
      Integer assigned = idByUri.get(uri);
      if (assigned == null) {
        assigned = uriById.containsKey(id) ? freeId(used) : id;
        idByUri.put(uri, assigned);
        uriById.put(assigned, uri);
        used.add(assigned);
      }
      String direction = m.group(2) == null ? "" : m.group(2);
      m.appendReplacement(
          out,
          Matcher.quoteReplacement("a=extmap:" + assigned + direction + " " + uri + m.group(4)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One-byte header extension ids are 1 to 14. */
  private static int freeId(TreeSet<Integer> used) {
    for (int id = 1; id <= 14; id++) {
      if (!used.contains(id)) {
        return id;
      }
    }
    throw new IllegalArgumentException("no free one-byte header extension id");
  }
}

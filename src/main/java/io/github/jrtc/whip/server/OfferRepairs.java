package io.github.jrtc.whip.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fixes to publishers' offers that libwebrtc would otherwise refuse, each for a publisher seen
 * doing it. FFmpeg 8.1's whip muxer announces {@code a=ssrc-group:FID <media> <rtx>} but gives only
 * the media SSRC an {@code a=ssrc} line; libwebrtc then fails the whole offer ("Failed to add
 * remote stream ssrc ... SSRC missing from StreamParams ssrcs with semantics FID"). The missing
 * SSRC gets the group's first SSRC's attributes, which is what RFC 5576 section 5 means the group
 * to say anyway.
 */
final class OfferRepairs {
  private OfferRepairs() {}

  static String repair(String sdp) {
    String[] lines = sdp.split("\r\n|\n", -1);
    List<String> out = new ArrayList<>(lines.length + 4);
    List<String> section = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("m=")) {
        out.addAll(repairSection(section));
        section.clear();
      }
      if (!line.isEmpty()) {
        section.add(line);
      }
    }
    out.addAll(repairSection(section));
    return String.join("\r\n", out) + "\r\n";
  }

  private static List<String> repairSection(List<String> section) {
    Map<String, List<String>> attrs = new LinkedHashMap<>();
    List<String[]> groups = new ArrayList<>();
    int lastSsrc = -1;
    for (int i = 0; i < section.size(); i++) {
      String line = section.get(i);
      if (line.startsWith("a=ssrc:")) {
        String rest = line.substring(7);
        int sp = rest.indexOf(' ');
        String id = sp < 0 ? rest : rest.substring(0, sp);
        attrs.computeIfAbsent(id, k -> new ArrayList<>()).add(sp < 0 ? "" : rest.substring(sp + 1));
        lastSsrc = i;
      } else if (line.startsWith("a=ssrc-group:")) {
        String[] f = line.substring(13).trim().split(" +");
        if (f.length >= 3) {
          groups.add(f);
        }
      }
    }
    List<String> added = new ArrayList<>();
    for (String[] g : groups) {
      List<String> model = attrs.get(g[1]);
      if (model == null) {
        continue;
      }
      for (int k = 2; k < g.length; k++) {
        if (!attrs.containsKey(g[k])) {
          for (String a : model) {
            if (!a.isEmpty()) {
              added.add("a=ssrc:" + g[k] + " " + a);
            }
          }
          attrs.put(g[k], model);
        }
      }
    }
    if (added.isEmpty()) {
      return section;
    }
    List<String> out = new ArrayList<>(section);
    out.addAll(lastSsrc + 1, added);
    return out;
  }
}

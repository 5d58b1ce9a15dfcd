package io.github.jrtc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The little SDP reading jrtc needs on top of libwebrtc: m-sections, mids, ufrags. */
public final class Sdp {
  private Sdp() {}

  public static boolean looksLikeSdp(String sdp) {
    return sdp != null && sdp.startsWith("v=");
  }

  public static List<MediaSection> mediaSections(String sdp) {
    List<MediaSection> out = new ArrayList<>();
    if (sdp == null) {
      return out;
    }
    String sessionUfrag = null;
    int index = -1;
    String kind = null;
    String mid = null;
    String ufrag = null;
    for (String line : sdp.split("\r?\n")) {
      if (line.startsWith("m=")) {
        if (index >= 0) {
          out.add(new MediaSection(index, kind, mid, ufrag != null ? ufrag : sessionUfrag));
        }
        index++;
        int space = line.indexOf(' ');
        kind = space > 2 ? line.substring(2, space) : line.substring(2);
        mid = null;
        ufrag = null;
      } else if (line.startsWith("a=mid:") && index >= 0) {
        mid = line.substring("a=mid:".length()).trim();
      } else if (line.startsWith("a=ice-ufrag:")) {
        String value = line.substring("a=ice-ufrag:".length()).trim();
        if (index < 0) {
          sessionUfrag = value;
        } else {
          ufrag = value;
        }
      }
    }
    if (index >= 0) {
      out.add(new MediaSection(index, kind, mid, ufrag != null ? ufrag : sessionUfrag));
    }
    return out;
  }

  /** Adds {@code a=end-of-candidates} at the end of each listed m-section that lacks one. */
  public static String withEndOfCandidates(String sdp, Set<Integer> mLineIndexes) {
    if (sdp == null || mLineIndexes.isEmpty()) {
      return sdp;
    }
    String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
    String[] lines = sdp.split("\r?\n");
    StringBuilder out = new StringBuilder(sdp.length() + 64);
    int index = -1;
    boolean hasEnd = false;
    for (String line : lines) {
      if (line.startsWith("m=")) {
        if (index >= 0 && mLineIndexes.contains(index) && !hasEnd) {
          out.append("a=end-of-candidates").append(eol);
        }
        index++;
        hasEnd = false;
      } else if (line.equals("a=end-of-candidates")) {
        hasEnd = true;
      }
      out.append(line).append(eol);
    }
    if (index >= 0 && mLineIndexes.contains(index) && !hasEnd) {
      out.append("a=end-of-candidates").append(eol);
    }
    return out.toString();
  }
}

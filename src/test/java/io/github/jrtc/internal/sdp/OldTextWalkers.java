package io.github.jrtc.internal.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The text walkers SessionDescriptionModel replaced, as they were at 158dac1 (Sdp and
 * RemoteMediaSections): the oracle that SessionDescriptionModelTest compares the model with.
 */
final class OldTextWalkers {
  private OldTextWalkers() {}

  // Compiled once: String.split compiles any pattern longer than one plain character per call,
  // and these run for every description and candidate.
  private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** The description's lines, without their CRLF or LF. */
  static String[] lines(String sdp) {
    return LINE_BREAK.split(sdp);
  }

  /** The whitespace-separated fields of a line. */
  static String[] fields(String line) {
    return WHITESPACE.split(line);
  }

  static boolean looksLikeSdp(String sdp) {
    return sdp != null && sdp.startsWith("v=");
  }

  static List<MediaSection> mediaSections(String sdp) {
    List<MediaSection> out = new ArrayList<>();
    if (sdp == null) {
      return out;
    }
    String sessionUfrag = null;
    int index = -1;
    String kind = null;
    String mid = null;
    String ufrag = null;
    for (String line : lines(sdp)) {
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
  static String withEndOfCandidates(String sdp, Set<Integer> mLineIndexes) {
    if (sdp == null || mLineIndexes.isEmpty()) {
      return sdp;
    }
    String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
    String[] lines = lines(sdp);
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

  /**
   * Adds {@code a=<candidate>} to the m-section with {@code mid} (or, without one, the one at
   * {@code mLineIndex}) where libwebrtc writes candidates: after the section's {@code c=}, {@code
   * a=rtcp:} and earlier candidate lines. Unchanged when there is no such section or it has an
   * equivalent candidate already (the same first eight fields: foundation, component, transport,
   * priority, address, port, "typ", type), as libwebrtc keeps one of each.
   */
  static String withCandidate(String sdp, String mid, int mLineIndex, String candidate) {
    String line = candidate.startsWith("a=") ? candidate.trim() : "a=" + candidate.trim();
    int section = mid == null ? mLineIndex : -1;
    if (mid != null) {
      for (MediaSection s : mediaSections(sdp)) {
        if (mid.equals(s.mid())) {
          section = s.index();
          break;
        }
      }
    }
    String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
    List<String> lines = new ArrayList<>(List.of(lines(sdp)));
    int index = -1;
    int start = -1;
    int end = lines.size();
    for (int i = 0; i < lines.size() && section >= 0; i++) {
      if (lines.get(i).startsWith("m=")) {
        index++;
        if (index == section) {
          start = i;
        } else if (index > section) {
          end = i;
          break;
        }
      }
    }
    if (start < 0) {
      return sdp;
    }
    int insertAt = start + 1;
    String key = candidateKey(line);
    for (int i = start + 1; i < end; i++) {
      String l = lines.get(i);
      if (l.startsWith("a=candidate:") && candidateKey(l).equals(key)) {
        return sdp;
      }
      if (l.startsWith("c=") || l.startsWith("a=rtcp:") || l.startsWith("a=candidate:")) {
        insertAt = i + 1;
      }
    }
    lines.add(insertAt, line);
    StringBuilder out = new StringBuilder(sdp.length() + line.length() + 2);
    for (String l : lines) {
      out.append(l).append(eol);
    }
    return out.toString();
  }

  private static String candidateKey(String line) {
    String[] fields = line.trim().split(" ");
    return String.join(" ", java.util.Arrays.asList(fields).subList(0, Math.min(8, fields.length)));
  }

  /** The audio/video m-sections by mid. */
  static Map<String, RemoteMediaSections.Section> remoteMediaSections(String sdp) {
    Map<String, RemoteMediaSections.Section> out = new LinkedHashMap<>();
    String mid = null;
    String direction = "sendrecv";
    boolean rejected = false;
    boolean bundleOnly = false;
    boolean media = false;
    List<String> streams = new ArrayList<>();
    for (String raw : lines(sdp + "\nm=end 0 x")) {
      String line = raw.trim();
      if (line.startsWith("m=")) {
        if (media && mid != null) {
          // Port 0 with a=bundle-only is an offered section riding on the BUNDLE transport
          // (RFC 8843 §6; GStreamer's webrtcbin offers every section after the first so).
          out.put(
              mid,
              new RemoteMediaSections.Section(
                  mid, direction, rejected && !bundleOnly, List.copyOf(streams)));
        }
        String[] parts = line.substring(2).split(" ");
        media = parts[0].equals("audio") || parts[0].equals("video");
        rejected = parts.length > 1 && parts[1].equals("0");
        bundleOnly = false;
        mid = null;
        direction = "sendrecv";
        streams = new ArrayList<>();
      } else if (line.equals("a=bundle-only")) {
        bundleOnly = true;
      } else if (line.startsWith("a=mid:")) {
        mid = line.substring(6);
      } else if (line.equals("a=sendrecv")
          || line.equals("a=sendonly")
          || line.equals("a=recvonly")
          || line.equals("a=inactive")) {
        direction = line.substring(2);
      } else if (line.startsWith("a=msid:")) {
        String id = line.substring(7).split(" ")[0];
        if (!id.equals("-") && !streams.contains(id)) {
          streams.add(id);
        }
      }
    }
    return out;
  }

  // TransportRegistry.bundleGroup / applicationMid
  static List<String> bundleGroup(String sdp) {
    for (String line : lines(sdp)) {
      if (line.startsWith("a=group:BUNDLE")) {
        return List.of(fields(line.substring("a=group:BUNDLE".length()).trim()));
      }
    }
    return List.of();
  }

  static String applicationMid(String sdp) {
    boolean inData = false;
    for (String line : lines(sdp)) {
      if (line.startsWith("m=")) {
        inData = line.startsWith("m=application");
      } else if (inData && line.startsWith("a=mid:")) {
        return line.substring("a=mid:".length()).trim();
      }
    }
    return null;
  }

  // RTCPeerConnection.maxMessageSize (the remote part) / canTrickleIceCandidates
  static long remoteMaxMessageSize(String sdp) {
    long remoteMax = 65536;
    int at = sdp.indexOf("a=max-message-size:");
    if (at >= 0) {
      int end = at + "a=max-message-size:".length();
      int stop = end;
      while (stop < sdp.length() && Character.isDigit(sdp.charAt(stop))) {
        stop++;
      }
      try {
        remoteMax = Long.parseLong(sdp.substring(end, stop));
      } catch (NumberFormatException e) {
        remoteMax = 65536;
      }
    }
    return remoteMax;
  }

  static boolean canTrickle(String sdp) {
    for (String line : lines(sdp)) {
      if (line.startsWith("a=ice-options:") && line.contains("trickle")) {
        return true;
      }
    }
    return false;
  }

  // TransceiverRegistry.hasMediaSection
  static boolean hasMediaSection(String sdp) {
    return sdp.contains("m=audio") || sdp.contains("m=video");
  }
}

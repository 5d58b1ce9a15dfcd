package io.github.jrtc.internal.whip;

import io.github.jrtc.internal.sdp.CandidateParser;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code application/trickle-ice-sdpfrag} body (RFC 8840 section 9): session-level ICE lines,
 * then one {@code m=} line per media section with its {@code a=mid}, {@code a=ice-ufrag}/{@code
 * a=ice-pwd}, {@code a=candidate} and {@code a=end-of-candidates} lines. WHIP (RFC 9725 section
 * 4.3.1) and max-bundle mean one section in practice; up to {@link #MAX_SECTIONS} are read.
 *
 * <p>The parser is strict about what it uses (every candidate line must parse as an RFC 8839
 * candidate, the ICE credentials must be ice-chars of the right length) and ignores attributes it
 * does not use, as RFC 8840 asks. It refuses bodies over its caps rather than working harder.
 */
public record SdpFragment(String iceUfrag, String icePwd, List<Section> sections) {
  public static final int MAX_SECTIONS = 16;
  public static final int MAX_CANDIDATES = 128;
  public static final int MAX_LINE = 1024;

  /** One media section of the fragment. */
  public record Section(String mid, List<String> candidates, boolean endOfCandidates) {}

  public SdpFragment {
    sections = List.copyOf(sections);
  }

  /** Whether the fragment carries ICE credentials (an ICE restart in WHIP's reading). */
  public boolean hasCredentials() {
    return iceUfrag != null || icePwd != null;
  }

  public int candidateCount() {
    return sections.stream().mapToInt(s -> s.candidates().size()).sum();
  }

  /** Parses a fragment; {@link IllegalArgumentException} saying what is wrong otherwise. */
  public static SdpFragment parse(String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("empty SDP fragment");
    }
    String ufrag = null;
    String pwd = null;
    List<Section> sections = new ArrayList<>();
    String mid = null;
    boolean inMedia = false;
    boolean end = false;
    List<String> candidates = new ArrayList<>();
    int total = 0;
    int lineNo = 0;
    for (String raw : body.split("\r?\n", -1)) {
      lineNo++;
      if (raw.isEmpty()) {
        continue;
      }
      if (raw.length() > MAX_LINE) {
        throw new IllegalArgumentException("line " + lineNo + " is over " + MAX_LINE + " chars");
      }
      if (raw.length() < 2 || raw.charAt(1) != '=' || raw.charAt(0) < 'a' || raw.charAt(0) > 'z') {
        throw new IllegalArgumentException("line " + lineNo + " is not an SDP <type>=<value> line");
      }
      for (int k = 0; k < raw.length(); k++) {
        char c = raw.charAt(k);
        if (c < ' ' && c != '\t' || c == 0x7f) {
          throw new IllegalArgumentException("line " + lineNo + " has a control character");
        }
      }
      char type = raw.charAt(0);
      String value = raw.substring(2);
      if (type == 'm') {
        if (inMedia) {
          sections.add(new Section(mid, candidates, end));
        }
        if (sections.size() >= MAX_SECTIONS) {
          throw new IllegalArgumentException("more than " + MAX_SECTIONS + " m= sections");
        }
        if (!value.matches("(audio|video|application|text|message) [0-9]+ [^ ]+( [^ ]+)*")) {
          throw new IllegalArgumentException("line " + lineNo + ": malformed m= line");
        }
        inMedia = true;
        mid = null;
        end = false;
        candidates = new ArrayList<>();
        continue;
      }
      if (type != 'a') {
        continue; // c=, b= and others: not used by trickle
      }
      if (value.startsWith("ice-ufrag:")) {
        ufrag = credential(value.substring(10), 4, 256, "ice-ufrag", ufrag, lineNo);
      } else if (value.startsWith("ice-pwd:")) {
        pwd = credential(value.substring(8), 22, 256, "ice-pwd", pwd, lineNo);
      } else if (value.startsWith("mid:")) {
        if (!inMedia) {
          throw new IllegalArgumentException("line " + lineNo + ": a=mid before any m= line");
        }
        mid = value.substring(4);
        if (mid.isEmpty() || mid.length() > 32 || !mid.matches("[!-~]+")) {
          throw new IllegalArgumentException("line " + lineNo + ": bad mid");
        }
      } else if (value.startsWith("candidate:")) {
        if (!inMedia) {
          throw new IllegalArgumentException("line " + lineNo + ": a=candidate before any m= line");
        }
        if (++total > MAX_CANDIDATES) {
          throw new IllegalArgumentException("more than " + MAX_CANDIDATES + " candidates");
        }
        if (CandidateParser.parse(value) == null) {
          throw new IllegalArgumentException("line " + lineNo + ": malformed candidate");
        }
        candidates.add(value);
      } else if (value.equals("end-of-candidates")) {
        end = true;
      }
    }
    if (inMedia) {
      sections.add(new Section(mid, candidates, end));
    }
    if (sections.isEmpty()) {
      throw new IllegalArgumentException("no m= section in the SDP fragment");
    }
    for (Section s : sections) {
      if (s.mid() == null) {
        throw new IllegalArgumentException("an m= section has no a=mid");
      }
    }
    if ((ufrag == null) != (pwd == null)) {
      throw new IllegalArgumentException("ice-ufrag and ice-pwd must come together");
    }
    return new SdpFragment(ufrag, pwd, sections);
  }

  private static String credential(
      String v, int min, int max, String name, String previous, int lineNo) {
    if (v.length() < min || v.length() > max || !v.matches("[A-Za-z0-9+/]+")) {
      throw new IllegalArgumentException(
          "line " + lineNo + ": " + name + " is not " + min + "-" + max + " ice-chars");
    }
    if (previous != null && !previous.equals(v)) {
      throw new IllegalArgumentException("line " + lineNo + ": two different " + name + " values");
    }
    return v;
  }

  /**
   * Formats a fragment for one bundled media section ({@code m=<kind> 9 UDP/TLS/RTP/SAVPF 0}: RFC
   * 8840 asks for the section's m= line; port and formats are ignored by the receiver).
   */
  public static String format(
      String kind,
      String mid,
      String ufrag,
      String pwd,
      List<String> candidates,
      boolean endOfCandidates) {
    StringBuilder b = new StringBuilder();
    if (ufrag != null) {
      b.append("a=ice-ufrag:").append(ufrag).append("\r\n");
      b.append("a=ice-pwd:").append(pwd).append("\r\n");
    }
    b.append("m=").append(kind).append(" 9 UDP/TLS/RTP/SAVPF 0\r\n");
    b.append("a=mid:").append(mid).append("\r\n");
    for (String c : candidates) {
      b.append(c.startsWith("a=") ? c : "a=" + c).append("\r\n");
    }
    if (endOfCandidates) {
      b.append("a=end-of-candidates\r\n");
    }
    return b.toString();
  }
}

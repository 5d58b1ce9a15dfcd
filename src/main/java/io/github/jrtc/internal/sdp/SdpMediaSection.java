package io.github.jrtc.internal.sdp;

import java.util.ArrayList;
import java.util.List;

/**
 * One m-section of a parsed description: its {@code m=} line and every line after it up to the next
 * {@code m=} line, as written. The accessors read what jrtc asks of a section; each scans the
 * section's few lines, so asking is cheap and nothing is computed that is never asked.
 */
public final class SdpMediaSection {
  private final int index;
  private final SdpLine mLine;
  private final List<SdpLine> lines;

  SdpMediaSection(int index, SdpLine mLine, List<SdpLine> lines) {
    this.index = index;
    this.mLine = mLine;
    this.lines = List.copyOf(lines);
  }

  /** Its position among the description's m-sections (the spec's sdpMLineIndex). */
  public int index() {
    return index;
  }

  /** The {@code m=} line. */
  public SdpLine mLine() {
    return mLine;
  }

  /** The lines after the {@code m=} line, up to the next one. */
  public List<SdpLine> lines() {
    return lines;
  }

  /** The media type: "audio", "video", "application", or whatever the line says. */
  public String kind() {
    String m = mLine.text();
    int space = m.indexOf(' ');
    return space > 2 ? m.substring(2, space) : m.substring(2);
  }

  /** Whether the kind is audio or video (an RTP m-section). */
  public boolean isAudioOrVideo() {
    String kind = kind();
    return kind.equals("audio") || kind.equals("video");
  }

  /** The port field, or null when the line has none. */
  public String port() {
    String[] f = mLine.text().substring(2).split(" ");
    return f.length > 1 ? f[1] : null;
  }

  /** The values of this section's {@code a=<name>:} lines, in order. */
  public List<String> values(String name) {
    List<String> out = new ArrayList<>(1);
    for (SdpLine l : lines) {
      if (l.isAttribute(name)) {
        SdpAttribute a = l.attribute();
        if (a.value() != null) {
          out.add(a.value());
        }
      }
    }
    return out;
  }

  /** The last {@code a=<name>:} value, trimmed, or null (a repeated attribute: the last wins). */
  public String lastValue(String name) {
    List<String> v = values(name);
    return v.isEmpty() ? null : v.get(v.size() - 1).trim();
  }

  /** Whether a line is exactly {@code a=<name>} (a property attribute). */
  public boolean has(String name) {
    String line = "a=" + name;
    for (SdpLine l : lines) {
      if (l.text().equals(line)) {
        return true;
      }
    }
    return false;
  }

  /** {@code a=mid}, or null. */
  public String mid() {
    return lastValue("mid");
  }

  /** This section's own {@code a=ice-ufrag}, or null (see SessionDescriptionModel#iceUfrag). */
  public String ownIceUfrag() {
    return lastValue("ice-ufrag");
  }

  /** Whether it has {@code a=bundle-only}. */
  public boolean isBundleOnly() {
    return has("bundle-only");
  }

  /**
   * Port 0 without {@code a=bundle-only}: a rejected section. Port 0 with it is an offered section
   * riding on the BUNDLE transport (RFC 8843 §6; GStreamer's webrtcbin offers every section after
   * the first so).
   */
  public boolean isRejected() {
    return "0".equals(port()) && !isBundleOnly();
  }

  /** The stream ids of its {@code a=msid} lines, each once, in order; "-" (no stream) left out. */
  public List<String> streamIds() {
    List<String> ids = new ArrayList<>(1);
    for (String v : values("msid")) {
      int space = v.indexOf(' ');
      String id = space < 0 ? v : v.substring(0, space);
      if (!id.equals("-") && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** The direction attribute, "sendrecv" when there is none (RFC 8866 §6.7). */
  public String direction() {
    String direction = "sendrecv";
    for (SdpLine l : lines) {
      String t = l.text().trim();
      if (t.equals("a=sendrecv")
          || t.equals("a=sendonly")
          || t.equals("a=recvonly")
          || t.equals("a=inactive")) {
        direction = t.substring(2);
      }
    }
    return direction;
  }
}

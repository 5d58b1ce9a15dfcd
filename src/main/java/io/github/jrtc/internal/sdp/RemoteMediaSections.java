package io.github.jrtc.internal.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the spec's remote track processing needs from each m-section of a remote description. */
public final class RemoteMediaSections {
  /**
   * @param direction the remote's attribute: "sendrecv", "sendonly", "recvonly" or "inactive"
   * @param rejected port 0 without a=bundle-only
   * @param streamIds the msid stream ids ("-" means none)
   */
  public record Section(String mid, String direction, boolean rejected, List<String> streamIds) {}

  private RemoteMediaSections() {}

  /** The audio/video m-sections by mid. */
  public static Map<String, Section> parse(String sdp) {
    Map<String, Section> out = new LinkedHashMap<>();
    String mid = null;
    String direction = "sendrecv";
    boolean rejected = false;
    boolean bundleOnly = false;
    boolean media = false;
    List<String> streams = new ArrayList<>();
    for (String raw : Sdp.lines(sdp + "\nm=end 0 x")) {
      String line = raw.trim();
      if (line.startsWith("m=")) {
        if (media && mid != null) {
          // Port 0 with a=bundle-only is an offered section riding on the BUNDLE transport
          // (RFC 8843 §6; GStreamer's webrtcbin offers every section after the first so).
          out.put(mid, new Section(mid, direction, rejected && !bundleOnly, List.copyOf(streams)));
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
}

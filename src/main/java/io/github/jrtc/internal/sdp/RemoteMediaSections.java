package io.github.jrtc.internal.sdp;

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
    return parse(SessionDescriptionModel.parse(sdp));
  }

  /** The audio/video m-sections by mid (a section without a mid is left out). */
  public static Map<String, Section> parse(SessionDescriptionModel model) {
    Map<String, Section> out = new LinkedHashMap<>();
    for (SdpMediaSection s : model.mediaSections()) {
      if (s.isAudioOrVideo() && s.mid() != null) {
        out.put(s.mid(), new Section(s.mid(), s.direction(), s.isRejected(), s.streamIds()));
      }
    }
    return out;
  }
}

package io.github.jrtc.internal.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SDP questions and edits jrtc makes with a description's text in hand. Each parses the text
 * once into a {@link SessionDescriptionModel} and asks it; a caller asking several questions of one
 * description should parse it once itself (or keep an {@link SdpModelCache}).
 */
public final class Sdp {
  private Sdp() {}

  /** Its m-sections as the spec's addIceCandidate needs them; none for null. */
  public static List<MediaSection> mediaSections(String sdp) {
    return sdp == null ? new ArrayList<>() : mediaSections(SessionDescriptionModel.parse(sdp));
  }

  /** Each m-section's index, kind, mid and ICE ufrag (its own, else the session's). */
  public static List<MediaSection> mediaSections(SessionDescriptionModel model) {
    List<MediaSection> out = new ArrayList<>(model.mediaSections().size());
    for (SdpMediaSection s : model.mediaSections()) {
      out.add(new MediaSection(s.index(), s.kind(), s.mid(), model.iceUfrag(s)));
    }
    return out;
  }

  /** Adds {@code a=end-of-candidates} at the end of each listed m-section that lacks one. */
  public static String withEndOfCandidates(String sdp, Set<Integer> mLineIndexes) {
    if (sdp == null || mLineIndexes.isEmpty()) {
      return sdp;
    }
    return SessionDescriptionModel.parse(sdp).withEndOfCandidates(mLineIndexes);
  }

  /** See {@link SessionDescriptionModel#withCandidate}. */
  public static String withCandidate(String sdp, String mid, int mLineIndex, String candidate) {
    return SessionDescriptionModel.parse(sdp).withCandidate(mid, mLineIndex, candidate);
  }
}

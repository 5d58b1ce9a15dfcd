package io.github.jrtc;

import java.util.Arrays;
import java.util.stream.Collectors;

/** SDP comparison helpers for tests (WPT's assert_session_desc_similar). */
final class Sdps {
  private Sdps() {}

  /** The SDP without the candidate lines gathering adds to a local description. */
  static String withoutCandidates(String sdp) {
    return Arrays.stream(sdp.split("\r\n"))
        .filter(l -> !l.startsWith("a=candidate:") && !l.equals("a=end-of-candidates"))
        .map(l -> l.startsWith("c=IN") ? "c=" : l)
        .map(l -> l.startsWith("m=") ? l.replaceFirst(" \\d+ ", " PORT ") : l)
        .collect(Collectors.joining("\r\n"));
  }
}

package io.github.jrtc;

/** Reads the selected ICE candidate pair out of a stats report (webrtc-java has no accessor). */
final class SelectedPair {
  private SelectedPair() {}

  static RTCIceCandidatePair from(RTCStatsReport report) {
    String pairId = null;
    for (RTCStats t : report.ofType("transport")) {
      Object id = t.get("selectedCandidatePairId");
      if (id != null) {
        pairId = id.toString();
        break;
      }
    }
    RTCStats pair = pairId == null ? null : report.get(pairId);
    if (pair == null) {
      return null;
    }
    RTCIceCandidate local = candidate(report.get(String.valueOf(pair.get("localCandidateId"))));
    RTCIceCandidate remote = candidate(report.get(String.valueOf(pair.get("remoteCandidateId"))));
    return local == null || remote == null ? null : new RTCIceCandidatePair(local, remote);
  }

  /** The candidate-attribute a candidate's stats describe. */
  private static RTCIceCandidate candidate(RTCStats s) {
    if (s == null || s.get("address") == null) {
      return null;
    }
    StringBuilder c =
        new StringBuilder("candidate:")
            .append(s.get("foundation") == null ? "0" : s.get("foundation"))
            .append(" 1 ")
            .append(s.get("protocol"))
            .append(' ')
            .append(s.getLong("priority", 0))
            .append(' ')
            .append(s.get("address"))
            .append(' ')
            .append(s.getLong("port", 0))
            .append(" typ ")
            .append(s.get("candidateType"));
    if (s.get("tcpType") != null) {
      c.append(" tcptype ").append(s.get("tcpType"));
    }
    Object ufrag = s.get("usernameFragment");
    return new RTCIceCandidate(
        new RTCIceCandidateInit(c.toString(), null, 0, ufrag == null ? null : ufrag.toString()));
  }
}

package io.github.jrtc;

import static io.github.jrtc.Wpt.await;
import static io.github.jrtc.Wpt.rejects;
import static io.github.jrtc.Wpt.rejectsTypeError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Port of WPT webrtc/RTCPeerConnection-addIceCandidate.html on real libwebrtc. */
class AddIceCandidateIT {
  private static final String CANDIDATE_1 =
      "candidate:1 1 udp 2113929471 10.203.0.2 10100 typ host";
  private static final String CANDIDATE_2 =
      "candidate:1 2 udp 2113929470 10.203.0.2 10101 typ host";

  private final RTCPeerConnection pc = new RTCPeerConnection();

  @BeforeEach
  void remoteOffer() throws Exception {
    await(pc.setRemoteDescription(Wpt.jsepOffer()));
  }

  @AfterEach
  void close() {
    pc.close();
  }

  private static void assertLineInSection(String sdp, String line, int section) {
    String[] sections = sdp.split("\r\nm=");
    assertThat(sections[section + 1]).contains(line);
    for (int i = 1; i < sections.length; i++) {
      if (i != section + 1) {
        assertThat(sections[i]).doesNotContain(line);
      }
    }
  }

  // "Add ICE candidate before setting remote description should reject with InvalidStateError"
  @Test
  void beforeRemoteDescription() throws Exception {
    try (RTCPeerConnection fresh = new RTCPeerConnection()) {
      rejects(
          "InvalidStateError",
          fresh.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, "a1", 0, "ETEn")));
    }
  }

  // "addIceCandidate with first sdpMid and sdpMLineIndex add candidate to first media stream"
  // "Adding multiple candidates should add candidates to their corresponding media stream"
  @Test
  void candidatesGoToTheirMediaSection() throws Exception {
    await(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, "a1", 0, "ETEn")));
    await(
        pc.addIceCandidate(
            new RTCIceCandidate(new RTCIceCandidateInit(CANDIDATE_2, "v1", 1, "BGKk"))));
    assertLineInSection(pc.remoteDescription().sdp(), "a=" + CANDIDATE_1, 0);
    assertLineInSection(pc.remoteDescription().sdp(), "a=" + CANDIDATE_2, 1);
  }

  // "Add candidate for media stream 2 with null ufrag should succeed"
  @Test
  void nullUfrag() throws Exception {
    await(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_2, "v1", 1, null)));
    assertLineInSection(pc.remoteDescription().sdp(), "a=" + CANDIDATE_2, 1);
  }

  // "Add with empty candidate string (end of candidate) should succeed"
  @Test
  void endOfCandidatesForOneSection() throws Exception {
    await(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, "a1", 0, "ETEn")));
    await(pc.addIceCandidate(new RTCIceCandidateInit("", "a1", 0, "ETEn")));
    assertLineInSection(pc.remoteDescription().sdp(), "a=end-of-candidates", 0);
  }

  // Current spec: addIceCandidate() / addIceCandidate(null) is end-of-candidates for all.
  @Test
  void endOfCandidatesForAll() throws Exception {
    await(pc.addIceCandidate());
    String[] sections = pc.remoteDescription().sdp().split("\r\nm=");
    assertThat(sections[1]).contains("a=end-of-candidates");
    assertThat(sections[2]).contains("a=end-of-candidates");
  }

  // "Add candidate with only valid sdpMid should succeed" / "...only valid sdpMLineIndex..."
  @Test
  void onlyMidOrOnlyIndex() throws Exception {
    await(pc.addIceCandidate(new RTCIceCandidateInit("", "a1", null)));
    await(pc.addIceCandidate(new RTCIceCandidateInit("", null, 1)));
  }

  // "Add candidate with both sdpMid and sdpMLineIndex manually set to null should reject with
  // TypeError", "Add candidate with only valid candidate string should reject with TypeError"
  @Test
  void typeErrors() throws Exception {
    rejectsTypeError(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, null, null)));
    rejectsTypeError(
        pc.addIceCandidate(new RTCIceCandidateInit("(Invalid) candidate \r\n string", null, null)));
  }

  // "Add candidate with invalid sdpMid should reject with OperationError"
  // "Add candidate with invalid sdpMLineIndex should reject with OperationError"
  // "Invalid sdpMLineIndex should be ignored if valid sdpMid is provided"
  // "Add candidate with invalid ufrag should reject with OperationError"
  // "Add candidate with invalid candidate string should reject with OperationError"
  @Test
  void operationErrors() throws Exception {
    rejects(
        "OperationError",
        pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, "invalid", 0, "ETEn")));
    rejects(
        "OperationError",
        pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, null, 2, "ETEn")));
    await(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, "a1", 2, "ETEn")));
    rejects(
        "OperationError",
        pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, "a1", 0, "invalid")));
    rejects(
        "OperationError",
        pc.addIceCandidate(
            new RTCIceCandidateInit("(Invalid) candidate \r\n string", "a1", 0, "ETEn")));
    // Nothing was lost: a good candidate still goes in after all those failures.
    await(pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_2, "v1", 1, "BGKk")));
    assertLineInSection(pc.remoteDescription().sdp(), "a=" + CANDIDATE_2, 1);
  }

  @Test
  void afterCloseIsInvalidState() throws Exception {
    pc.close();
    rejects("InvalidStateError", pc.addIceCandidate(new RTCIceCandidateInit(CANDIDATE_1, "a1", 0)));
  }
}

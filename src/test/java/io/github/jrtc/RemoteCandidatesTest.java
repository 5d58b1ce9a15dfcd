package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.sdp.DescriptionState;
import io.github.jrtc.internal.sdp.Descriptions;
import io.github.jrtc.internal.sdp.ThreeSectionSdp;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The addIceCandidate operation's checks and bookkeeping, against a mocked bridge. */
class RemoteCandidatesTest {
  /** Sections 0 and 1 with ufrag aaaa, 2 with bbbb. */
  private static final String REMOTE = ThreeSectionSdp.SDP;

  private static final String CANDIDATE =
      "candidate:1 1 udp 2122260223 10.203.0.2 50000 typ host generation 0";

  private final PeerConnectionBridge bridge = mock(PeerConnectionBridge.class);
  private final DescriptionState descriptions = new DescriptionState(() -> false);
  private final RemoteCandidates candidates = new RemoteCandidates(bridge, descriptions);

  private void remoteOffer() {
    descriptions.take(
        new Descriptions(null, null, null, new RTCSessionDescription(RTCSdpType.OFFER, REMOTE)),
        false,
        true);
  }

  private static String outcome(CompletableFuture<Void> f) throws Exception {
    try {
      f.get();
      return "ok";
    } catch (ExecutionException e) {
      return e.getCause() instanceof DOMException d ? d.name() : e.getCause().toString();
    }
  }

  private String add(String candidate, String mid, Integer index, String ufrag) throws Exception {
    return outcome(candidates.add(new RTCIceCandidateInit(candidate, mid, index, ufrag)));
  }

  @Test
  void withoutARemoteDescriptionItIsAnInvalidStateError() throws Exception {
    assertThat(add(CANDIDATE, "0", null, null)).isEqualTo("InvalidStateError");
    assertThat(add("", null, null, null)).isEqualTo("InvalidStateError");
    verify(bridge, never()).addIceCandidate(any());
  }

  @Test
  void anUnknownSectionOrUfragOrAnUnparsableCandidateIsAnOperationError() throws Exception {
    remoteOffer();
    assertThat(add(CANDIDATE, "9", null, null)).as("unknown mid").isEqualTo("OperationError");
    assertThat(add(CANDIDATE, null, 3, null)).as("index past the end").isEqualTo("OperationError");
    assertThat(add(CANDIDATE, null, -1, null)).as("negative index").isEqualTo("OperationError");
    assertThat(add(CANDIDATE, "2", null, "aaaa"))
        .as("another section's ufrag")
        .isEqualTo("OperationError");
    assertThat(add("", null, null, "cccc")).as("nobody's ufrag").isEqualTo("OperationError");
    assertThat(add("candidate:garbage", "0", null, null)).isEqualTo("OperationError");
    verify(bridge, never()).addIceCandidate(any());
    assertThat(descriptions.current().remote().sdp()).isEqualTo(REMOTE);
  }

  @Test
  void anAcceptedCandidateGoesToLibwebrtcWithItsSectionAndShowsInTheRemoteDescription()
      throws Exception {
    remoteOffer();
    assertThat(add(CANDIDATE, null, 2, "bbbb")).isEqualTo("ok");
    ArgumentCaptor<RTCIceCandidateInit> handed = ArgumentCaptor.forClass(RTCIceCandidateInit.class);
    verify(bridge).addIceCandidate(handed.capture());
    assertThat(handed.getValue()).isEqualTo(new RTCIceCandidateInit(CANDIDATE, "2", 2, "bbbb"));
    String sdp = descriptions.current().remote().sdp();
    assertThat(sdp.indexOf("a=" + CANDIDATE)).isGreaterThan(sdp.indexOf("m=application"));
  }

  @Test
  void aCandidateLibwebrtcRefusesFailsWithItsErrorAndIsNotRecorded() throws Exception {
    remoteOffer();
    doThrow(new DOMException("refused", "OperationError")).when(bridge).addIceCandidate(any());
    assertThat(add(CANDIDATE, "0", null, null)).isEqualTo("OperationError");
    assertThat(descriptions.current().remote().sdp()).isEqualTo(REMOTE);
  }

  @Test
  void anEmptyCandidateIsEndOfCandidatesForItsSectionOrForAll() throws Exception {
    remoteOffer();
    assertThat(add("", "1", null, null)).isEqualTo("ok");
    String one = descriptions.current().remote().sdp();
    assertThat(one.split("a=end-of-candidates", -1)).hasSize(2);
    assertThat(one.indexOf("a=end-of-candidates"))
        .isBetween(one.indexOf("a=mid:1"), one.indexOf("m=application"));
    assertThat(add("", null, null, "aaaa")).as("a known ufrag, no section").isEqualTo("ok");
    assertThat(descriptions.current().remote().sdp().split("a=end-of-candidates", -1)).hasSize(4);
    verify(bridge, never()).addIceCandidate(any());
  }
}

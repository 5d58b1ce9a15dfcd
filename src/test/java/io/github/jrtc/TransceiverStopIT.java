package io.github.jrtc;

import static io.github.jrtc.MediaWpt.exchangeOfferAnswer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ports of WPT webrtc/RTCRtpTransceiver-stop.html on real libwebrtc. */
class TransceiverStopIT {
  private final MediaWpt media = new MediaWpt();
  private final RTCPeerConnection pc1 = media.pc();
  private final RTCPeerConnection pc2 = media.pc();

  @AfterEach
  void close() throws Exception {
    media.close();
  }

  // "A transceiver added and stopped before the initial offer generation should not trigger an
  // offer m-section generation"
  @Test
  void stoppedBeforeTheFirstOfferIsLeftOut() throws Exception {
    pc1.addTransceiver("audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.SENDONLY));
    pc1.addTransceiver("video");
    pc1.getTransceivers().get(0).stop();
    String sdp = Wpt.await(pc1.createOffer()).sdp();
    assertThat(sdp).doesNotContain("m=audio").contains("m=video");
  }

  // "A transceiver added and stopped should not crash when getting receiver's transport": it is
  // null (never negotiated) and the receiver of a stopped transceiver stays usable.
  @Test
  void aStoppedTransceiversReceiverIsSafeToUse() {
    pc1.addTransceiver("audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.SENDONLY));
    pc1.addTransceiver("video");
    RTCRtpTransceiver t = pc1.getTransceivers().get(1);
    t.stop();
    assertThat(t.receiver().getParameters()).isNotNull();
    assertThat(t.receiver().transport()).isNull();
    assertThat(t.receiver().getSynchronizationSources()).isEmpty();
    assertThat(t.receiver().track().readyState()).isEqualTo(MediaStreamTrackState.ENDED);
  }

  // "During renegotiation, adding and stopping a transceiver should not trigger a renegotiated
  // offer m-section generation"
  @Test
  void stoppingDuringRenegotiation() throws Exception {
    pc1.addTransceiver("audio");
    exchangeOfferAnswer(pc1, pc2);
    pc1.addTransceiver("video");
    pc1.getTransceivers().get(0).stop();
    pc1.getTransceivers().get(1).stop();
    String sdp = Wpt.await(pc1.createOffer()).sdp();
    assertThat(sdp).contains("m=audio 0").doesNotContain("m=video");
  }

  // "A stopped sendonly transceiver should generate an inactive m-section in the offer" and the
  // inactive variant.
  @Test
  void aStoppedTransceiverOffersInactive() throws Exception {
    pc1.addTransceiver("audio");
    exchangeOfferAnswer(pc1, pc2);
    pc1.getTransceivers().get(0).direction(RTCRtpTransceiverDirection.SENDONLY);
    pc1.getTransceivers().get(0).stop();
    assertThat(Wpt.await(pc1.createOffer()).sdp()).contains("a=inactive");
  }

  // "If a transceiver is stopped locally, setting a locally generated answer should still work"
  @Test
  void stoppedLocallyThenOffer() throws Exception {
    pc1.addTransceiver("audio");
    exchangeOfferAnswer(pc1, pc2);
    pc1.getTransceivers().get(0).stop();
    exchangeOfferAnswer(pc1, pc2);
    Wpt.await(pc1.setLocalDescription(Wpt.await(pc1.createOffer())));
  }

  // "If a transceiver is stopped remotely, setting a locally generated answer should still work"
  @Test
  void stoppedRemotelyThenOffer() throws Exception {
    pc1.addTransceiver("audio");
    exchangeOfferAnswer(pc1, pc2);
    pc2.getTransceivers().get(0).stop();
    exchangeOfferAnswer(pc2, pc1);
    Wpt.await(pc1.setLocalDescription(Wpt.await(pc1.createOffer())));
  }

  // "If a transceiver is stopped, transceivers, senders and receivers should disappear after
  // offer/answer" and "... transceivers should end up in state stopped"
  @Test
  void stoppedTransceiversDisappearAfterNegotiation() throws Exception {
    pc1.addTransceiver("audio");
    exchangeOfferAnswer(pc1, pc2);
    assertThat(pc1.getTransceivers()).hasSize(1);
    assertThat(pc2.getTransceivers()).hasSize(1);
    RTCRtpTransceiver t1 = pc1.getTransceivers().get(0);
    RTCRtpTransceiver t2 = pc2.getTransceivers().get(0);
    MediaStreamTrack remote = t2.receiver().track();
    t1.stop();
    exchangeOfferAnswer(pc1, pc2);
    assertThat(pc1.getTransceivers()).isEmpty();
    assertThat(pc2.getTransceivers()).isEmpty();
    assertThat(pc1.getSenders()).isEmpty();
    assertThat(pc1.getReceivers()).isEmpty();
    assertThat(pc2.getSenders()).isEmpty();
    assertThat(pc2.getReceivers()).isEmpty();
    assertThat(t1.direction()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
    assertThat(t2.direction()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
    assertThat(remote.readyState()).isEqualTo(MediaStreamTrackState.ENDED);
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ports of WPT webrtc/RTCPeerConnection-addTrack.https.html on real libwebrtc. */
class AddTrackIT {
  private final MediaWpt media = new MediaWpt();
  private final RTCPeerConnection pc = media.pc();

  @AfterEach
  void close() throws Exception {
    media.close();
  }

  private static DOMException domError(Throwable t) {
    assertThat(t).isInstanceOf(DOMException.class);
    return (DOMException) t;
  }

  // "addTrack when pc is closed should throw InvalidStateError"
  @Test
  void addTrackWhenClosedThrowsInvalidStateError() {
    MediaStreamTrack track = media.track("audio");
    MediaStream stream = new MediaStream(java.util.List.of(track));
    pc.close();
    assertThatThrownBy(() -> pc.addTrack(track, stream))
        .satisfies(t -> assertThat(domError(t).name()).isEqualTo("InvalidStateError"));
  }

  // "addTrack with single track argument and no mediaStream should succeed"
  @Test
  void singleTrackWithoutStream() {
    MediaStreamTrack track = media.track("audio");
    RTCRtpSender sender = pc.addTrack(track);
    assertThat(sender.track()).isSameAs(track);
    assertThat(pc.getTransceivers()).hasSize(1);
    RTCRtpTransceiver transceiver = pc.getTransceivers().get(0);
    assertThat(transceiver.sender()).isSameAs(sender);
    assertThat(pc.getSenders()).containsExactly(sender);
    assertThat(transceiver.receiver().track().kind()).isEqualTo("audio");
    assertThat(pc.getReceivers()).containsExactly(transceiver.receiver());
    // The same Java objects on every call (webrtc-java alone returns new wrappers).
    assertThat(pc.getTransceivers().get(0)).isSameAs(transceiver);
    assertThat(pc.getReceivers().get(0)).isSameAs(pc.getReceivers().get(0));
  }

  // "addTrack with single track argument and single mediaStream should succeed"
  @Test
  void singleTrackWithOneStream() throws Exception {
    MediaStreamTrack track = media.track("audio");
    MediaStream stream = new MediaStream(java.util.List.of(track));
    RTCRtpSender sender = pc.addTrack(track, stream);
    assertThat(sender.track()).isSameAs(track);
    RTCSessionDescriptionInit offer = Wpt.await(pc.createOffer());
    assertThat(offer.sdp()).contains("a=msid:" + stream.id() + " ");
  }

  // "addTrack with single track argument and multiple mediaStreams should succeed"
  @Test
  void singleTrackWithTwoStreams() {
    MediaStreamTrack track = media.track("audio");
    MediaStream stream = new MediaStream(java.util.List.of(track));
    MediaStream stream2 = new MediaStream(java.util.List.of(track));
    RTCRtpSender sender = pc.addTrack(track, stream, stream2);
    assertThat(sender.track()).isSameAs(track);
  }

  // "Adding the same track multiple times should throw InvalidAccessError"
  @Test
  void sameTrackTwiceThrowsInvalidAccessError() {
    MediaStreamTrack track = media.track("audio");
    MediaStream stream = new MediaStream(java.util.List.of(track));
    pc.addTrack(track, stream);
    assertThatThrownBy(() -> pc.addTrack(track, stream))
        .satisfies(t -> assertThat(domError(t).name()).isEqualTo("InvalidAccessError"));
  }

  // "addTrack with existing sender with null track, same kind, and recvonly direction should
  // reuse sender"
  @Test
  void reusesARecvonlySenderWithoutTrack() {
    RTCRtpTransceiver transceiver =
        pc.addTransceiver("audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY));
    assertThat(transceiver.sender().track()).isNull();
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    MediaStreamTrack track = media.track("audio");
    RTCRtpSender sender = pc.addTrack(track);
    assertThat(sender).isSameAs(transceiver.sender());
    assertThat(sender.track()).isSameAs(track);
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
    assertThat(pc.getSenders()).containsExactly(sender);
  }

  // "addTrack with existing sender with null track, different kind, and recvonly direction should
  // create new sender"
  @Test
  void aTransceiverOfTheOtherKindIsNotReused() {
    RTCRtpTransceiver transceiver =
        pc.addTransceiver("video", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY));
    MediaStreamTrack track = media.track("audio");
    RTCRtpSender sender = pc.addTrack(track);
    assertThat(sender.track()).isSameAs(track);
    assertThat(sender).isNotSameAs(transceiver.sender());
    assertThat(pc.getSenders()).hasSize(2).contains(sender, transceiver.sender());
  }

  // "addTrack with existing sender with null track, same kind, and sendrecv direction should
  // create new sender": libwebrtc (as Chrome) reuses any never-used transceiver of the kind whose
  // sender has no track, whatever its direction; the current spec's reuse criteria have no
  // direction condition either. So this port asserts libwebrtc's (and the current spec's) reuse.
  @Test
  void aSendrecvTransceiverWithoutTrackIsReusedAsTheCurrentSpecSays() {
    RTCRtpTransceiver transceiver = pc.addTransceiver("audio");
    assertThat(transceiver.sender().track()).isNull();
    MediaStreamTrack track = media.track("audio");
    RTCRtpSender sender = pc.addTrack(track);
    assertThat(sender.track()).isSameAs(track);
    assertThat(pc.getSenders()).contains(sender);
    assertThat(pc.getSenders())
        .allSatisfy(
            s ->
                assertThat(pc.getTransceivers())
                    .anySatisfy(t -> assertThat(t.sender()).isSameAs(s)));
  }

  // The spec's addTrack has no readyState check: an ended track gets a sender that sends nothing.
  @Test
  void anEndedTrackGetsASenderThatSendsNothing() throws Exception {
    MediaStreamTrack track = media.track("video");
    MediaStream stream = new MediaStream(java.util.List.of(track));
    track.stop();
    assertThat(track.readyState()).isEqualTo(MediaStreamTrackState.ENDED);
    RTCRtpSender sender = pc.addTrack(track, stream);
    assertThat(sender.track()).isSameAs(track);
    assertThat(pc.getSenders()).containsExactly(sender);
    RTCRtpTransceiver t = pc.getTransceivers().get(0);
    assertThat(t.sender()).isSameAs(sender);
    assertThat(t.direction()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
    // Signalled like any sender: the m-section with the stream's msid.
    String sdp = Wpt.await(pc.createOffer()).sdp();
    assertThat(sdp).contains("m=video").contains("a=msid:" + stream.id());
    // Still the sender of that track: adding it again is the spec's InvalidAccessError.
    assertThatThrownBy(() -> pc.addTrack(track))
        .satisfies(e -> assertThat(domError(e).name()).isEqualTo("InvalidAccessError"));
    pc.removeTrack(sender);
    assertThat(sender.track()).isNull();
  }

  @Test
  void anEndedTrackReusesARecvonlyTransceiver() {
    RTCRtpTransceiver transceiver =
        pc.addTransceiver("audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY));
    MediaStreamTrack track = media.track("audio");
    track.stop();
    RTCRtpSender sender = pc.addTrack(track);
    assertThat(sender).isSameAs(transceiver.sender());
    assertThat(sender.track()).isSameAs(track);
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
  }
}

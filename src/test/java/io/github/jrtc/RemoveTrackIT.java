package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ports of WPT webrtc/RTCPeerConnection-removeTrack.https.html on real libwebrtc. */
class RemoveTrackIT {
  private final MediaWpt media = new MediaWpt();
  private final RTCPeerConnection pc = media.pc();

  @AfterEach
  void close() throws Exception {
    media.close();
  }

  private static void throwsDom(String name, Runnable r) {
    assertThatThrownBy(r::run)
        .isInstanceOf(DOMException.class)
        .satisfies(t -> assertThat(((DOMException) t).name()).isEqualTo(name));
  }

  // "addTransceiver - Calling removeTrack when connection is closed should throw
  // InvalidStateError" and the addTrack variant.
  @Test
  void removeTrackWhenClosedThrowsInvalidStateError() {
    RTCRtpSender viaTransceiver = pc.addTransceiver(media.track("audio")).sender();
    RTCRtpSender viaAddTrack = pc.addTrack(media.track("audio"));
    pc.close();
    throwsDom("InvalidStateError", () -> pc.removeTrack(viaTransceiver));
    throwsDom("InvalidStateError", () -> pc.removeTrack(viaAddTrack));
  }

  // "... on different connection that is closed should throw InvalidStateError" (both variants)
  @Test
  void removeTrackOnAnotherClosedConnectionThrowsInvalidStateError() {
    RTCRtpSender viaTransceiver = pc.addTransceiver(media.track("audio")).sender();
    RTCRtpSender viaAddTrack = pc.addTrack(media.track("audio"));
    RTCPeerConnection pc2 = media.pc();
    pc2.close();
    throwsDom("InvalidStateError", () -> pc2.removeTrack(viaTransceiver));
    throwsDom("InvalidStateError", () -> pc2.removeTrack(viaAddTrack));
  }

  // "... on different connection should throw InvalidAccessError" (both variants)
  @Test
  void removeTrackOnAnotherConnectionThrowsInvalidAccessError() {
    RTCRtpSender viaTransceiver = pc.addTransceiver(media.track("audio")).sender();
    RTCRtpSender viaAddTrack = pc.addTrack(media.track("audio"));
    RTCPeerConnection pc2 = media.pc();
    throwsDom("InvalidAccessError", () -> pc2.removeTrack(viaTransceiver));
    throwsDom("InvalidAccessError", () -> pc2.removeTrack(viaAddTrack));
  }

  // "addTrack - Calling removeTrack with valid sender should set sender.track to null"
  @Test
  void removeTrackClearsTheSendersTrack() {
    MediaStreamTrack track = media.track("audio");
    RTCRtpSender sender = pc.addTrack(track, new MediaStream(java.util.List.of(track)));
    assertThat(sender.track()).isSameAs(track);
    pc.removeTrack(sender);
    assertThat(sender.track()).isNull();
    assertThat(pc.getSenders()).containsExactly(sender);
  }

  // "addTransceiver - Calling removeTrack with valid sender should set sender.track to null":
  // the old WPT expects direction unchanged while currentDirection is null; the current spec
  // (and libwebrtc) turn sendrecv into recvonly from [[Direction]] itself.
  @Test
  void removeTrackBeforeNegotiationClearsTheTrackAndDropsSend() {
    MediaStreamTrack track = media.track("audio");
    RTCRtpTransceiver transceiver = pc.addTransceiver(track);
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
    assertThat(transceiver.currentDirection()).isNull();
    pc.removeTrack(transceiver.sender());
    assertThat(transceiver.sender().track()).isNull();
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
  }

  // "Calling removeTrack with currentDirection sendrecv should set direction to recvonly"
  @Test
  void sendrecvBecomesRecvonly() throws Exception {
    RTCRtpTransceiver transceiver = pc.addTransceiver(media.track("audio"));
    media.negotiateWithGeneratedAnswer(pc);
    assertThat(transceiver.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
    pc.removeTrack(transceiver.sender());
    assertThat(transceiver.sender().track()).isNull();
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    assertThat(transceiver.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
  }

  // "Calling removeTrack with currentDirection sendonly should set direction to inactive"
  @Test
  void sendonlyBecomesInactive() throws Exception {
    RTCRtpTransceiver transceiver =
        pc.addTransceiver(
            media.track("audio"), new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.SENDONLY));
    media.negotiateWithGeneratedAnswer(pc);
    assertThat(transceiver.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
    pc.removeTrack(transceiver.sender());
    assertThat(transceiver.sender().track()).isNull();
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
    assertThat(transceiver.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
  }

  // "Calling removeTrack with currentDirection recvonly should not change direction" and the
  // inactive variant.
  @Test
  void recvonlyAndInactiveStayAsTheyAre() throws Exception {
    RTCRtpTransceiver recv =
        pc.addTransceiver(
            media.track("audio"), new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY));
    RTCRtpTransceiver inactive =
        pc.addTransceiver(
            media.track("audio"), new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.INACTIVE));
    media.negotiateWithGeneratedAnswer(pc);
    assertThat(recv.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    assertThat(inactive.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
    pc.removeTrack(recv.sender());
    pc.removeTrack(inactive.sender());
    assertThat(recv.sender().track()).isNull();
    assertThat(recv.direction()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    assertThat(inactive.direction()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
    assertThat(inactive.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
  }
}

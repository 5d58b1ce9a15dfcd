package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ports of WPT webrtc/RTCPeerConnection-addTransceiver.https.html on real libwebrtc. */
class AddTransceiverIT {
  private final MediaWpt media = new MediaWpt();
  private final RTCPeerConnection pc = media.pc();

  @AfterEach
  void close() throws Exception {
    media.close();
  }

  // "addTransceiver() with string argument as invalid kind should throw TypeError"
  @Test
  void invalidKindThrowsTypeError() {
    assertThatThrownBy(() -> pc.addTransceiver("invalid")).isInstanceOf(TypeError.class);
  }

  // "addTransceiver('audio') should return an audio transceiver" and the 'video' one: works
  // although webrtc-java cannot add a transceiver without a track.
  @ParameterizedTest
  @ValueSource(strings = {"audio", "video"})
  @SuppressWarnings("deprecation")
  void kindWithoutTrack(String kind) throws Exception {
    RTCRtpTransceiver transceiver = pc.addTransceiver(kind);
    assertThat(transceiver.mid()).isNull();
    assertThat(transceiver.stopped()).isFalse();
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
    assertThat(transceiver.currentDirection()).isNull();
    assertThat(pc.getTransceivers()).containsExactly(transceiver);
    RTCRtpSender sender = transceiver.sender();
    assertThat(sender.track()).isNull();
    assertThat(pc.getSenders()).containsExactly(sender);
    MediaStreamTrack track = transceiver.receiver().track();
    assertThat(track.kind()).isEqualTo(kind);
    assertThat(track.readyState()).isEqualTo(MediaStreamTrackState.LIVE);
    assertThat(track.muted()).isTrue();
    assertThat(pc.getReceivers()).containsExactly(transceiver.receiver());
    // ... and the offer has an m-section of that kind.
    assertThat(Wpt.await(pc.createOffer()).sdp()).contains("m=" + kind + " ");
  }

  // "addTransceiver() with direction sendonly/inactive should have result transceiver.direction
  // be the same"
  @Test
  void initialDirection() {
    assertThat(
            pc.addTransceiver(
                    "audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.SENDONLY))
                .direction())
        .isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
    assertThat(
            pc.addTransceiver(
                    "audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.INACTIVE))
                .direction())
        .isEqualTo(RTCRtpTransceiverDirection.INACTIVE);
  }

  // "addTransceiver() with invalid direction should throw TypeError": an invalid string fails
  // when parsed, as the JS binding does.
  @Test
  void invalidDirectionThrowsTypeError() {
    assertThatThrownBy(() -> RTCRtpTransceiverDirection.fromString("invalid"))
        .isInstanceOf(TypeError.class);
    assertThatThrownBy(
            () ->
                pc.addTransceiver(
                    "audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.STOPPED)))
        .isInstanceOf(TypeError.class);
  }

  // "addTransceiver(track) should have result with sender.track be given track"
  @Test
  void withTrack() {
    MediaStreamTrack track = media.track("audio");
    RTCRtpTransceiver transceiver = pc.addTransceiver(track);
    assertThat(transceiver.sender().track()).isSameAs(track);
    MediaStreamTrack receiverTrack = transceiver.receiver().track();
    assertThat(receiverTrack.kind()).isEqualTo("audio");
    assertThat(receiverTrack.readyState()).isEqualTo(MediaStreamTrackState.LIVE);
    assertThat(receiverTrack.muted()).isTrue();
    assertThat(pc.getTransceivers()).containsExactly(transceiver);
    assertThat(pc.getSenders()).containsExactly(transceiver.sender());
    assertThat(pc.getReceivers()).containsExactly(transceiver.receiver());
  }

  // "addTransceiver(track) multiple times should create multiple transceivers"
  @Test
  void sameTrackTwice() {
    MediaStreamTrack track = media.track("audio");
    RTCRtpTransceiver t1 = pc.addTransceiver(track);
    RTCRtpTransceiver t2 = pc.addTransceiver(track);
    assertThat(t1).isNotSameAs(t2);
    assertThat(t1.sender()).isNotSameAs(t2.sender());
    assertThat(t1.sender().track()).isSameAs(track);
    assertThat(t2.sender().track()).isSameAs(track);
    assertThat(pc.getTransceivers()).containsExactly(t1, t2);
    assertThat(pc.getSenders()).containsExactly(t1.sender(), t2.sender());
  }

  // "addTransceiver() with rid containing invalid non-alphanumeric characters should throw
  // TypeError" and "... rid longer than 16 characters ..."
  @Test
  void invalidRidsThrowTypeError() {
    for (String rid : List.of("@Invalid!", "a".repeat(17))) {
      assertThatThrownBy(
              () ->
                  pc.addTransceiver(
                      "audio",
                      new RTCRtpTransceiverInit(
                          RTCRtpTransceiverDirection.SENDRECV,
                          List.of(),
                          List.of(new RTCRtpEncodingParameters(rid, true, null, null, null)))))
          .isInstanceOf(TypeError.class);
    }
  }

  // "addTransceiver() with valid rid value should succeed" and "... with valid sendEncodings
  // should succeed"
  @Test
  void validSendEncodings() {
    RTCRtpTransceiver t =
        pc.addTransceiver(
            "audio",
            new RTCRtpTransceiverInit(
                RTCRtpTransceiverDirection.SENDRECV,
                List.of(),
                List.of(new RTCRtpEncodingParameters("foo", false, 8, 25.0, null))));
    assertThat(t.sender().getParameters().encodings()).hasSize(1);
    assertThat(t.sender().getParameters().encodings().get(0).active()).isFalse();
  }
}

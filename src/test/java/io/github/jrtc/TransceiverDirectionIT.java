package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ports of WPT webrtc/RTCRtpTransceiver-direction.html on real libwebrtc. */
class TransceiverDirectionIT {
  private final MediaWpt media = new MediaWpt();
  private final RTCPeerConnection pc = media.pc();

  @AfterEach
  void close() throws Exception {
    media.close();
  }

  // "setting direction should change transceiver.direction"
  @Test
  void settingDirectionChangesIt() {
    RTCRtpTransceiver transceiver = pc.addTransceiver("audio");
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
    assertThat(transceiver.currentDirection()).isNull();
    transceiver.direction(RTCRtpTransceiverDirection.RECVONLY);
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    assertThat(transceiver.currentDirection()).isNull();
  }

  // "setting direction with same direction should have no effect"
  @Test
  void sameDirectionHasNoEffect() {
    RTCRtpTransceiver transceiver =
        pc.addTransceiver("audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.SENDONLY));
    transceiver.direction(RTCRtpTransceiverDirection.SENDONLY);
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.SENDONLY);
  }

  // "setting direction should change transceiver.direction independent of
  // transceiver.currentDirection"
  @Test
  void directionIsIndependentOfCurrentDirection() throws Exception {
    RTCRtpTransceiver transceiver =
        pc.addTransceiver("audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY));
    media.negotiateWithGeneratedAnswer(pc);
    assertThat(transceiver.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
    transceiver.direction(RTCRtpTransceiverDirection.SENDRECV);
    assertThat(transceiver.direction()).isEqualTo(RTCRtpTransceiverDirection.SENDRECV);
    assertThat(transceiver.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.RECVONLY);
  }

  // Spec setter steps (webrtc-pc "direction" attribute): InvalidStateError when stopping or
  // closed; "stopped" is not settable. webrtc-java aborts the JVM if libwebrtc refuses, so jrtc
  // must decide these itself.
  @Test
  void setterRefusesWhenStoppingOrClosed() {
    RTCRtpTransceiver transceiver = pc.addTransceiver("audio");
    assertThatThrownBy(() -> transceiver.direction(RTCRtpTransceiverDirection.STOPPED))
        .isInstanceOf(TypeError.class);
    transceiver.stop();
    assertThatThrownBy(() -> transceiver.direction(RTCRtpTransceiverDirection.SENDONLY))
        .isInstanceOf(DOMException.class)
        .hasFieldOrPropertyWithValue("name", "InvalidStateError");
    RTCRtpTransceiver other = pc.addTransceiver("video");
    pc.close();
    assertThatThrownBy(() -> other.direction(RTCRtpTransceiverDirection.SENDONLY))
        .isInstanceOf(DOMException.class)
        .hasFieldOrPropertyWithValue("name", "InvalidStateError");
  }

  // RTCPeerConnection-onnegotiationneeded.html: "Calling addTransceiver() / setting direction /
  // addTrack / removeTrack should fire negotiationneeded".
  @Test
  void mediaChangesFireNegotiationNeeded() throws Exception {
    AtomicInteger fired = new AtomicInteger();
    pc.onnegotiationneeded(e -> fired.incrementAndGet());
    RTCRtpTransceiver transceiver = pc.addTransceiver("audio");
    await().atMost(Duration.ofSeconds(5)).until(() -> fired.get() == 1);
    media.negotiateWithGeneratedAnswer(pc);
    int before = fired.get();
    transceiver.direction(RTCRtpTransceiverDirection.RECVONLY);
    await().atMost(Duration.ofSeconds(5)).until(() -> fired.get() == before + 1);
    media.negotiateWithGeneratedAnswer(pc);
    int beforeAddTrack = fired.get();
    RTCRtpSender sender = pc.addTrack(media.track("video"));
    await().atMost(Duration.ofSeconds(5)).until(() -> fired.get() == beforeAddTrack + 1);
    media.negotiateWithGeneratedAnswer(pc);
    int beforeRemove = fired.get();
    pc.removeTrack(sender);
    await().atMost(Duration.ofSeconds(5)).until(() -> fired.get() == beforeRemove + 1);
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Port of WPT webrtc/RTCPeerConnection-createDataChannel.html on real libwebrtc. */
class CreateDataChannelIT {
  private final RTCPeerConnection pc = new RTCPeerConnection();

  @AfterEach
  void close() {
    pc.close();
  }

  private static void assertTypeError(Runnable r) {
    assertThatThrownBy(r::run).isInstanceOf(TypeError.class);
  }

  // "createDataChannel with closed connection should throw InvalidStateError"
  @Test
  void closedConnection() {
    pc.close();
    assertThat(pc.signalingState()).isEqualTo(RTCSignalingState.CLOSED);
    assertThatThrownBy(() -> pc.createDataChannel(""))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("InvalidStateError"));
  }

  // "createDataChannel attribute default values" (binaryType: the current spec's "arraybuffer")
  @Test
  void defaults() {
    RTCDataChannel dc = pc.createDataChannel("");
    assertThat(dc.label()).isEmpty();
    assertThat(dc.ordered()).isTrue();
    assertThat(dc.maxPacketLifeTime()).isNull();
    assertThat(dc.maxRetransmits()).isNull();
    assertThat(dc.protocol()).isEmpty();
    assertThat(dc.negotiated()).isFalse();
    assertThat(dc.id()).isNull();
    assertThat(dc.readyState()).isEqualTo(RTCDataChannelState.CONNECTING);
    assertThat(dc.bufferedAmount()).isZero();
    assertThat(dc.bufferedAmountLowThreshold()).isZero();
    assertThat(dc.binaryType()).isEqualTo(BinaryType.ARRAYBUFFER);
  }

  // "createDataChannel with provided parameters should initialize attributes to provided values"
  @Test
  void providedParameters() {
    RTCDataChannel dc =
        pc.createDataChannel(
            "test",
            RTCDataChannelInit.builder()
                .ordered(false)
                .maxRetransmits(1)
                .protocol("custom")
                .negotiated(true)
                .id(3)
                .build());
    assertThat(dc.label()).isEqualTo("test");
    assertThat(dc.ordered()).isFalse();
    assertThat(dc.maxPacketLifeTime()).isNull();
    assertThat(dc.maxRetransmits()).isEqualTo(1);
    assertThat(dc.protocol()).isEqualTo("custom");
    assertThat(dc.negotiated()).isTrue();
    assertThat(dc.id()).isEqualTo(3);
    assertThat(dc.readyState()).isEqualTo(RTCDataChannelState.CONNECTING);
    RTCDataChannel dc2 =
        pc.createDataChannel(
            "test2", RTCDataChannelInit.builder().ordered(false).maxPacketLifeTime(42).build());
    assertThat(dc2.maxPacketLifeTime()).isEqualTo(42);
    assertThat(dc2.maxRetransmits()).isNull();
  }

  // "createDataChannel with label null / lone surrogate should succeed"
  @Test
  void labelConversions() {
    assertThat(pc.createDataChannel(null).label()).isEqualTo("null");
    assertThat(pc.createDataChannel("\uD800").label()).isEqualTo("\uFFFD");
    assertThat(
            pc.createDataChannel("", RTCDataChannelInit.builder().protocol("\uD800").build())
                .protocol())
        .isEqualTo("\uFFFD");
  }

  // "createDataChannel with maxPacketLifeTime 0 / maxRetransmits 0 should succeed"
  @Test
  void zeroReliabilityParameters() {
    assertThat(
            pc.createDataChannel("", RTCDataChannelInit.builder().maxPacketLifeTime(0).build())
                .maxPacketLifeTime())
        .isZero();
    assertThat(
            pc.createDataChannel("", RTCDataChannelInit.builder().maxRetransmits(0).build())
                .maxRetransmits())
        .isZero();
  }

  // "createDataChannel with both maxPacketLifeTime and maxRetransmits should throw TypeError"
  @Test
  void bothReliabilityParameters() {
    assertTypeError(
        () ->
            pc.createDataChannel(
                "", RTCDataChannelInit.builder().maxPacketLifeTime(0).maxRetransmits(0).build()));
    assertTypeError(
        () ->
            pc.createDataChannel(
                "", RTCDataChannelInit.builder().maxPacketLifeTime(42).maxRetransmits(42).build()));
  }

  // "createDataChannel with id N and negotiated not set should succeed, but not set the id"
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 65534, 65535})
  void idIgnoredWhenNotNegotiated(int id) {
    assertThat(pc.createDataChannel("", RTCDataChannelInit.builder().id(id).build()).id()).isNull();
  }

  // "createDataChannel with id N and negotiated true should succeed, and set the channel's id"
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 1023})
  void idSetWhenNegotiated(int id) {
    assertThat(
            pc.createDataChannel("", RTCDataChannelInit.builder().negotiated(true).id(id).build())
                .id())
        .isEqualTo(id);
  }

  // Divergence from WPT's 65534, shared with Chrome: libwebrtc has 1024 SCTP streams. It must be
  // an OperationError, not the JVM abort webrtc-java gives for any refused channel.
  @ParameterizedTest
  @ValueSource(ints = {1024, 65534})
  void idAboveLibwebrtcLimitIsOperationError(int id) {
    assertThatThrownBy(
            () ->
                pc.createDataChannel(
                    "", RTCDataChannelInit.builder().negotiated(true).id(id).build()))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("OperationError"));
  }

  @Test
  void runningOutOfIdsIsOperationError() {
    for (int i = 0; i < 512; i++) {
      pc.createDataChannel("c" + i);
    }
    assertThatThrownBy(() -> pc.createDataChannel("one too many"))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("OperationError"));
  }

  // "createDataChannel with id -1 / 65536 (and 65535 negotiated) should throw TypeError"
  @Test
  void badIds() {
    assertTypeError(() -> pc.createDataChannel("", RTCDataChannelInit.builder().id(-1).build()));
    assertTypeError(() -> pc.createDataChannel("", RTCDataChannelInit.builder().id(65536).build()));
    for (int id : new int[] {-1, 65535, 65536}) {
      assertTypeError(
          () ->
              pc.createDataChannel(
                  "", RTCDataChannelInit.builder().negotiated(true).id(id).build()));
    }
    assertTypeError(
        () -> pc.createDataChannel("", RTCDataChannelInit.builder().negotiated(true).build()));
  }

  // "createDataChannel with too long label / protocol (1 and 2 byte unicode) should throw
  // TypeError"
  // "createDataChannel with maximum length label and protocol should succeed"
  @Test
  void lengths() {
    RTCDataChannelInit negotiated42 = RTCDataChannelInit.builder().negotiated(true).id(42).build();
    assertTypeError(() -> pc.createDataChannel("l".repeat(65536)));
    assertTypeError(() -> pc.createDataChannel("l".repeat(65536), negotiated42));
    assertTypeError(() -> pc.createDataChannel("\u00b5".repeat(32768)));
    assertTypeError(
        () ->
            pc.createDataChannel(
                "", RTCDataChannelInit.builder().protocol("p".repeat(65536)).build()));
    assertTypeError(
        () ->
            pc.createDataChannel(
                "", RTCDataChannelInit.builder().protocol("\u00b6".repeat(32768)).build()));
    RTCDataChannel dc =
        pc.createDataChannel(
            "l".repeat(65535), RTCDataChannelInit.builder().protocol("p".repeat(65535)).build());
    assertThat(dc.label()).hasSize(65535);
    assertThat(dc.protocol()).hasSize(65535);
  }

  // "createDataChannel with same label used twice should not throw"; an id in use is an
  // OperationError.
  @Test
  void duplicates() {
    pc.createDataChannel("test");
    pc.createDataChannel("test");
    RTCDataChannelInit negotiated42 = RTCDataChannelInit.builder().negotiated(true).id(42).build();
    pc.createDataChannel("a", negotiated42);
    assertThatThrownBy(() -> pc.createDataChannel("b", negotiated42))
        .isInstanceOfSatisfying(
            DOMException.class, e -> assertThat(e.name()).isEqualTo("OperationError"));
  }
}

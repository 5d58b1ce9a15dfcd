package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeFactory;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.bridge.TransceiverBridge;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transceiver set over a mocked bridge: identity, spec checks decided before native calls. */
class TransceiverRegistryTest {
  private PeerConnectionBridge bridge;
  private RTCPeerConnection pc;
  private TransceiverBridge nativeAudio;

  @BeforeEach
  void setUp() {
    bridge = mock(PeerConnectionBridge.class);
    PeerConnectionBridgeFactory factory = (config, obs, owner) -> bridge;
    pc = new RTCPeerConnection(new RTCConfiguration(), factory);
    nativeAudio = transceiverBridge(1L, "audio");
    when(bridge.addTransceiver(
            eq("audio"), isNull(), eq(RTCRtpTransceiverDirection.SENDRECV), anyList(), anyList()))
        .thenReturn(nativeAudio);
  }

  private static TransceiverBridge transceiverBridge(long key, String kind) {
    TransceiverBridge b = mock(TransceiverBridge.class);
    TrackSource remote = mock(TrackSource.class);
    when(remote.kind()).thenReturn(kind);
    when(remote.id()).thenReturn("remote-" + key);
    when(remote.label()).thenReturn("remote " + kind);
    when(remote.isRemote()).thenReturn(true);
    when(b.key()).thenReturn(key);
    when(b.kind()).thenReturn(kind);
    when(b.receiverTrack()).thenReturn(remote);
    when(b.direction()).thenReturn(RTCRtpTransceiverDirection.SENDRECV);
    return b;
  }

  @Test
  void theSameJavaObjectsEveryTimeAlsoWhenTheBridgeListsThemAgain() {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    assertThat(pc.getTransceivers()).containsExactly(t);
    assertThat(pc.getTransceivers().get(0)).isSameAs(t);
    assertThat(pc.getSenders()).containsExactly(t.sender());
    assertThat(pc.getReceivers().get(0)).isSameAs(t.receiver());
    assertThat(t.receiver().track().muted()).isTrue();
    assertThat(t.receiver().track().label()).isEqualTo("remote audio");
  }

  @Test
  void kindAndDirectionErrorsAreDecidedBeforeAnyNativeCall() {
    assertThatThrownBy(() -> pc.addTransceiver("data")).isInstanceOf(TypeError.class);
    assertThatThrownBy(
            () ->
                pc.addTransceiver(
                    "audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.STOPPED)))
        .isInstanceOf(TypeError.class);
    verify(bridge, never()).addTransceiver(any(), any(), any(), anyList(), anyList());
  }

  @Test
  void directionSetterOnlyCallsNativeWhenItChangesAndNeverWhenStopping() {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    t.direction(RTCRtpTransceiverDirection.SENDRECV);
    verify(nativeAudio, never()).setDirection(any());
    t.direction(RTCRtpTransceiverDirection.RECVONLY);
    verify(nativeAudio, times(1)).setDirection(RTCRtpTransceiverDirection.RECVONLY);
    t.stop();
    // webrtc-java aborts the JVM when libwebrtc refuses setDirection: refused in Java first.
    assertThatThrownBy(() -> t.direction(RTCRtpTransceiverDirection.SENDONLY))
        .isInstanceOf(DOMException.class)
        .hasFieldOrPropertyWithValue("name", "InvalidStateError");
    verify(nativeAudio, times(1)).setDirection(any());
    assertThat(t.direction()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
    assertThat(t.receiver().track().readyState()).isEqualTo(MediaStreamTrackState.ENDED);
  }

  @Test
  void closeStopsEverythingAndLaterCallsAreInvalidState() {
    RTCRtpTransceiver t = pc.addTransceiver("audio");
    pc.close();
    assertThat(t.currentDirection()).isEqualTo(RTCRtpTransceiverDirection.STOPPED);
    assertThat(t.receiver().track().readyState()).isEqualTo(MediaStreamTrackState.ENDED);
    assertThatThrownBy(() -> pc.addTransceiver("audio"))
        .isInstanceOf(DOMException.class)
        .hasFieldOrPropertyWithValue("name", "InvalidStateError");
    assertThatThrownBy(t::stop).isInstanceOf(DOMException.class);
    assertThatThrownBy(() -> pc.removeTrack(t.sender())).isInstanceOf(DOMException.class);
    verify(nativeAudio, never()).stop();
    assertThat(pc.getSenders()).isEmpty();
    assertThat(pc.getTransceivers()).containsExactly(t);
    assertThat(List.of(t.sender().getParameters().encodings())).containsExactly(List.of());
  }
}

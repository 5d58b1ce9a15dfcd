package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.jrtc.internal.bridge.DataChannelBridge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** createDataChannel's checks and the ids in use, without a connection or libwebrtc. */
class DataChannelRegistryTest {
  private final DataChannelRegistry registry = new DataChannelRegistry();

  private RTCDataChannel channelWithId(Integer id) {
    DataChannelBridge bridge = mock(DataChannelBridge.class);
    when(bridge.id()).thenReturn(id);
    RTCDataChannel channel = new RTCDataChannel(null, bridge, null, "c", new RTCDataChannelInit());
    registry.add(channel);
    return channel;
  }

  private static RTCDataChannelInit negotiated(int id) {
    return RTCDataChannelInit.builder().negotiated(true).id(id).build();
  }

  private String refusal(String label, RTCDataChannelInit init) {
    try {
      registry.check(label, init);
      return "accepted";
    } catch (DOMException e) {
      return e.name();
    } catch (TypeError e) {
      return "TypeError";
    }
  }

  @Test
  void malformedOptionsAreTypeErrors() {
    String big = "x".repeat(65_536);
    assertThat(refusal(big, null)).as("label").isEqualTo("TypeError");
    assertThat(refusal("l", RTCDataChannelInit.builder().protocol(big).build()))
        .as("protocol")
        .isEqualTo("TypeError");
    assertThat(refusal("l", RTCDataChannelInit.builder().negotiated(true).build()))
        .as("negotiated without id")
        .isEqualTo("TypeError");
    assertThat(
            refusal(
                "l", RTCDataChannelInit.builder().maxPacketLifeTime(1).maxRetransmits(1).build()))
        .as("both reliability limits")
        .isEqualTo("TypeError");
    assertThat(refusal("l", RTCDataChannelInit.builder().maxRetransmits(65_536).build()))
        .isEqualTo("TypeError");
    assertThat(refusal("l", RTCDataChannelInit.builder().maxPacketLifeTime(-1).build()))
        .isEqualTo("TypeError");
    assertThat(refusal("l", negotiated(65_535))).isEqualTo("TypeError");
    assertThat(refusal("l", RTCDataChannelInit.builder().id(70_000).build()))
        .as("range-checked even when not negotiated")
        .isEqualTo("TypeError");
  }

  @Test
  void labelAndOptionsAreConvertedAsJsDoes() {
    DataChannelRegistry.Request r =
        registry.check(null, RTCDataChannelInit.builder().id(7).protocol("p").build());
    assertThat(r.label()).isEqualTo("null");
    assertThat(r.options().id()).as("in-band channels get their id from libwebrtc").isNull();
    assertThat(r.options().protocol()).isEqualTo("p");
    assertThat(registry.check("l", negotiated(7)).options().id()).isEqualTo(7);
    assertThat(registry.check("l", negotiated(1023)).options().id()).isEqualTo(1023);
  }

  @Test
  void idsAboveLibwebrtcsLimitOrInUseAreOperationErrors() {
    assertThat(refusal("l", negotiated(1024))).isEqualTo("OperationError");
    RTCDataChannel five = channelWithId(5);
    assertThat(refusal("l", negotiated(5))).isEqualTo("OperationError");
    assertThat(refusal("l", negotiated(6))).isEqualTo("accepted");
    registry.forget(five);
    assertThat(refusal("l", negotiated(5))).as("free again once closed").isEqualTo("accepted");
  }

  @Test
  void runningOutOfIdsIsAnOperationErrorForEveryKindOfChannel() {
    List<RTCDataChannel> channels = new ArrayList<>();
    for (int i = 0; i < DataChannelRegistry.MAX_DATA_CHANNELS; i++) {
      channels.add(channelWithId(i * 2));
    }
    assertThatThrownBy(() -> registry.check("l", null))
        .isInstanceOf(DOMException.class)
        .hasMessageContaining("No data channel id is left");
    assertThat(refusal("l", negotiated(1))).isEqualTo("OperationError");
    registry.forget(channels.get(0));
    assertThat(refusal("l", null)).isEqualTo("accepted");
  }

  @Test
  void closingEveryChannelClosesThemWithoutTheirProcedureAndFreesTheirIds() {
    RTCDataChannel one = channelWithId(1);
    assertThat(registry.anyOpen()).isFalse();
    registry.closeAll();
    assertThat(one.readyState()).isEqualTo(RTCDataChannelState.CLOSED);
    assertThat(refusal("l", negotiated(1))).isEqualTo("accepted");
  }
}

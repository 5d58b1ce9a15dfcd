package io.github.jrtc.internal.bridge;

import io.github.jrtc.RTCDataChannelState;
import io.github.jrtc.RTCErrorDetailType;
import java.nio.ByteBuffer;

/** Data channel events from libwebrtc, on native threads; implementations only enqueue. */
public interface DataChannelBridgeObserver {
  void onStateChange(RTCDataChannelState state);

  /** {@code data} is a heap copy the receiver owns. */
  void onMessage(ByteBuffer data, boolean binary);

  /**
   * libwebrtc handed {@code sentDataSize} more bytes of this channel to SCTP (its
   * OnBufferedAmountChange). Only bridges whose {@link DataChannelBridge#reportsBufferedAmount()}
   * is true call it.
   */
  default void onBufferedAmountChange(long sentDataSize) {}

  /**
   * The channel is closing because of an error (its transport failed); comes before the CLOSED
   * state change. Only jrtc's native observer can tell (webrtc-java does not expose the error).
   */
  default void onError(RTCErrorDetailType detail, Integer sctpCauseCode) {}
}

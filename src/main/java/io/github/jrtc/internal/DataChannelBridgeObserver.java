package io.github.jrtc.internal;

import io.github.jrtc.RTCDataChannelState;
import java.nio.ByteBuffer;

/** Data channel events from libwebrtc, on native threads; implementations only enqueue. */
public interface DataChannelBridgeObserver {
  void onStateChange(RTCDataChannelState state);

  /** {@code data} is a heap copy the receiver owns. */
  void onMessage(ByteBuffer data, boolean binary);
}

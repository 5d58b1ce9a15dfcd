package io.github.jrtc.internal.bridge;

import io.github.jrtc.RTCDataChannelState;
import java.nio.ByteBuffer;

/** One native data channel. Attribute reads are cheap; send and close cross into libwebrtc. */
public interface DataChannelBridge {
  /** Sets the receiver of this channel's native events; events before that are kept. */
  void observe(DataChannelBridgeObserver observer);

  String label();

  boolean ordered();

  Integer maxPacketLifeTime();

  Integer maxRetransmits();

  String protocol();

  boolean negotiated();

  /** Null until the SCTP stream id is known. */
  Integer id();

  RTCDataChannelState readyState();

  /**
   * True when libwebrtc's drain notifications reach {@link
   * DataChannelBridgeObserver#onBufferedAmountChange}; false when the caller must poll {@link
   * #nativeBufferedAmount()} (webrtc-java's own observer never forwards them).
   */
  default boolean reportsBufferedAmount() {
    return false;
  }

  /** Bytes libwebrtc has queued and not yet handed to SCTP. */
  long nativeBufferedAmount();

  /** Sends {@code data}'s remaining bytes; throws a DOMException on failure. */
  void send(ByteBuffer data, boolean binary);

  void close();

  /** Drops the native observer and handle; idempotent. */
  void dispose();
}

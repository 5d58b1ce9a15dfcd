package io.github.jrtc;

import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.spec.UsvString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection's data channels that are not closed, and createDataChannel's checks before anything
 * reaches libwebrtc.
 *
 * <p>libwebrtc picks the stream id of an in-band channel itself (even or odd by DTLS role, as RFC
 * 8832 says), and webrtc-java 0.14.0 aborts the JVM whenever libwebrtc refuses a channel (it
 * formats the error with a string_view through varargs). So every refusal libwebrtc can make is
 * decided here first: stream ids above {@value #MAX_SCTP_STREAM_ID}, ids in use, and running out of
 * ids.
 */
final class DataChannelRegistry {
  /** libwebrtc's highest SCTP stream id (1024 streams). */
  static final int MAX_SCTP_STREAM_ID = 1023;

  /** In-band ids come from one parity (even or odd): at most 512 can be allocated. */
  static final int MAX_DATA_CHANNELS = 512;

  /** A createDataChannel call that passed every check: what to hand to libwebrtc. */
  record Request(String label, RTCDataChannelInit options) {}

  private final List<RTCDataChannel> channels = new CopyOnWriteArrayList<>();

  /**
   * Checks a createDataChannel call as the spec does.
   *
   * @param label the label as given (JS ToString: null is "null")
   * @param init the options as given; null means the defaults
   * @throws TypeError for a label or protocol over 65535 UTF-8 bytes, negotiated without id, both
   *     maxPacketLifeTime and maxRetransmits, a value outside 0..65535 or an id of 65535
   * @throws DOMException OperationError for an id above libwebrtc's limit or already in use, or
   *     when no id is left
   */
  Request check(String label, RTCDataChannelInit init) {
    // JS converts the label with ToString (null -> "null") and both strings as USVString.
    String l = UsvString.of(label == null ? "null" : label);
    RTCDataChannelInit given = init == null ? new RTCDataChannelInit() : init;
    checkUnsignedShort("maxPacketLifeTime", given.maxPacketLifeTime());
    checkUnsignedShort("maxRetransmits", given.maxRetransmits());
    checkUnsignedShort("id", given.id());
    // The id is only used for negotiated channels; in-band ones get theirs from the DTLS role.
    RTCDataChannelInit options =
        given.toBuilder()
            .protocol(UsvString.of(given.protocol()))
            .id(given.negotiated() ? given.id() : null)
            .build();
    if (l.getBytes(StandardCharsets.UTF_8).length > 65535) {
      throw new TypeError("The label is longer than 65535 bytes");
    }
    if (options.protocol().getBytes(StandardCharsets.UTF_8).length > 65535) {
      throw new TypeError("The protocol is longer than 65535 bytes");
    }
    if (options.negotiated() && options.id() == null) {
      throw new TypeError("A negotiated data channel needs an id");
    }
    if (options.maxPacketLifeTime() != null && options.maxRetransmits() != null) {
      throw new TypeError("maxPacketLifeTime and maxRetransmits cannot both be set");
    }
    if (options.id() != null && options.id() == 65535) {
      throw new TypeError("65535 is not a valid data channel id");
    }
    if (options.id() != null && options.id() > MAX_SCTP_STREAM_ID) {
      throw Errors.operation(
          "Data channel id "
              + options.id()
              + " is above libwebrtc's limit of "
              + MAX_SCTP_STREAM_ID
              + " (as in Chrome)");
    }
    if (channels.size() >= MAX_DATA_CHANNELS) {
      throw Errors.operation("No data channel id is left (limit " + MAX_DATA_CHANNELS + ")");
    }
    if (options.id() != null) {
      for (RTCDataChannel existing : channels) {
        if (options.id().equals(existing.id())) {
          throw Errors.operation("Data channel id " + options.id() + " is already in use");
        }
      }
    }
    return new Request(l, options);
  }

  private static void checkUnsignedShort(String name, Integer value) {
    if (value != null && (value < 0 || value > 65535)) {
      throw new TypeError(name + " must be between 0 and 65535, was " + value);
    }
  }

  void add(RTCDataChannel channel) {
    channels.add(channel);
  }

  /** A channel closed: its id is free again. */
  void forget(RTCDataChannel channel) {
    channels.remove(channel);
  }

  boolean anyOpen() {
    for (RTCDataChannel c : channels) {
      if (c.readyState() == RTCDataChannelState.OPEN) {
        return true;
      }
    }
    return false;
  }

  /** close(): every channel closes without its closing procedure. */
  void closeAll() {
    for (RTCDataChannel channel : channels) {
      channel.closeWithConnection();
    }
    channels.clear();
  }
}

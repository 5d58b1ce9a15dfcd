package io.github.jrtc;

/** The "datachannel" event: the remote peer opened an in-band data channel. */
public final class RTCDataChannelEvent extends Event {
  private final RTCDataChannel channel;

  public RTCDataChannelEvent(String type, RTCDataChannel channel) {
    super(type);
    this.channel = channel;
  }

  public RTCDataChannel channel() {
    return channel;
  }
}

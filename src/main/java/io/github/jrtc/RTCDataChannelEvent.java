package io.github.jrtc;

/**
 * The "datachannel" event: the remote peer opened an in-band data channel.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannelEvent">MDN</a>.
 */
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

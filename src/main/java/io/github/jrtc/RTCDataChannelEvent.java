package io.github.jrtc;

/**
 * The "datachannel" event: the remote peer opened an in-band data channel.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannelEvent">MDN</a>.
 */
public final class RTCDataChannelEvent extends Event {
  private final RTCDataChannel channel;

  /**
   * A data channel event.
   *
   * @param type "datachannel"
   * @param channel the channel the remote side opened
   */
  public RTCDataChannelEvent(String type, RTCDataChannel channel) {
    super(type);
    this.channel = channel;
  }

  /**
   * The channel the remote side opened.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannelEvent/channel">MDN</a>.
   *
   * @return the channel
   */
  public RTCDataChannel channel() {
    return channel;
  }
}

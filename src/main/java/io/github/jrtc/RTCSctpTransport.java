package io.github.jrtc;

/**
 * The SCTP association data channels run over, as MDN documents {@code RTCSctpTransport}; {@code
 * pc.sctp()}, null until an answer negotiating data channels was applied. webrtc-java exposes no
 * SCTP transport: the state is derived ("connected" once a data channel of the connection opened
 * over it, "closed" when its DTLS transport closes or fails), maxMessageSize is what {@code
 * RTCDataChannel.send} enforces, maxChannels the number of channels jrtc lets a connection hold.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSctpTransport">MDN</a>.
 */
public final class RTCSctpTransport extends EventTarget {
  private final RTCPeerConnection pc;
  private final RTCDtlsTransport transport;
  private final int channelLimit;
  private volatile RTCSctpTransportState state = RTCSctpTransportState.CONNECTING;

  RTCSctpTransport(RTCPeerConnection pc, RTCDtlsTransport transport, int channelLimit) {
    this.pc = pc;
    this.transport = transport;
    this.channelLimit = channelLimit;
  }

  /**
   * The DTLS transport SCTP runs over.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSctpTransport/transport">MDN</a>.
   *
   * @return the DTLS transport
   */
  public RTCDtlsTransport transport() {
    return transport;
  }

  /**
   * The SCTP transport's state.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSctpTransport/state">MDN</a>.
   *
   * @return the state
   */
  public RTCSctpTransportState state() {
    return state;
  }

  /**
   * The largest message send() accepts, from both sides' a=max-message-size.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSctpTransport/maxMessageSize">MDN</a>.
   *
   * @return the size in bytes
   */
  public double maxMessageSize() {
    return pc.maxMessageSize();
  }

  /**
   * Null until connected, as in the spec.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCSctpTransport/maxChannels">MDN</a>.
   *
   * @return the number of channels, or null
   */
  public Integer maxChannels() {
    return state == RTCSctpTransportState.CONNECTED ? channelLimit : null;
  }

  /**
   * Sets the {@code onstatechange} handler: it runs for each {@code "statechange"} event, never on
   * a native thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onstatechange(EventHandler<Event> handler) {
    setEventHandler("statechange", handler);
  }

  /** The state at creation, without an event. */
  void init(RTCSctpTransportState s) {
    state = s;
  }

  /** On the event queue. */
  void state(RTCSctpTransportState next) {
    if (state != next && state != RTCSctpTransportState.CLOSED) {
      state = next;
      dispatchEvent(new Event("statechange"));
    }
  }

  void closeWithConnection() {
    state = RTCSctpTransportState.CLOSED;
  }

  @Override
  public String toString() {
    return "RTCSctpTransport[" + state + "]";
  }
}

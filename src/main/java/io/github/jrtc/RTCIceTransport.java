package io.github.jrtc;

/**
 * The ICE transport under an {@link RTCDtlsTransport}, as MDN documents {@code RTCIceTransport}.
 * webrtc-java 0.14.0's RTCIceTransport has no methods at all, so everything here is derived in
 * Java: the state and gathering state follow the connection's (with one transport — bundled, as
 * libwebrtc's default is — they are the same thing), the role follows the offer/answer exchange
 * (the initial offerer controls, and a full agent controls an ice-lite peer), the component is
 * always "rtp" (libwebrtc requires rtcp-mux), and the selected pair is read from getStats each time
 * the transport (re)connects.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceTransport">MDN</a>.
 */
public final class RTCIceTransport extends EventTarget {
  private volatile RTCIceTransportState state = RTCIceTransportState.NEW;
  private volatile RTCIceGathererState gatheringState = RTCIceGathererState.NEW;
  private volatile RTCIceRole role = RTCIceRole.UNKNOWN;
  private volatile RTCIceCandidatePair selected;

  RTCIceTransport() {}

  /**
   * The ICE transport's state.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceTransport/state">MDN</a>.
   *
   * @return the state
   */
  public RTCIceTransportState state() {
    return state;
  }

  /**
   * Whether this transport is gathering candidates.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceTransport/gatheringState">MDN</a>.
   *
   * @return the gathering state
   */
  public RTCIceGathererState gatheringState() {
    return gatheringState;
  }

  /**
   * Controlling or controlled, once known.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceTransport/role">MDN</a>.
   *
   * @return the role
   */
  public RTCIceRole role() {
    return role;
  }

  /**
   * Always RTP in jrtc.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceTransport/component">MDN</a>.
   *
   * @return the component
   */
  public RTCIceComponent component() {
    return RTCIceComponent.RTP;
  }

  /**
   * The pair packets flow over; null before one was selected.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCIceTransport/getSelectedCandidatePair">MDN</a>.
   *
   * @return the pair, or null
   */
  public RTCIceCandidatePair getSelectedCandidatePair() {
    return selected;
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

  /**
   * Sets the {@code ongatheringstatechange} handler: it runs for each {@code
   * "gatheringstatechange"} event, never on a native thread. Replaces the previous handler, as
   * assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void ongatheringstatechange(EventHandler<Event> handler) {
    setEventHandler("gatheringstatechange", handler);
  }

  /**
   * Sets the {@code onselectedcandidatepairchange} handler: it runs for each {@code
   * "selectedcandidatepairchange"} event, never on a native thread. Replaces the previous handler,
   * as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onselectedcandidatepairchange(EventHandler<Event> handler) {
    setEventHandler("selectedcandidatepairchange", handler);
  }

  // Package-private updates, all on the connection's event queue.

  void state(RTCIceTransportState next) {
    if (state != next && state != RTCIceTransportState.CLOSED) {
      state = next;
      dispatchEvent(new Event("statechange"));
    }
  }

  void gatheringState(RTCIceGathererState next) {
    if (gatheringState != next && state != RTCIceTransportState.CLOSED) {
      gatheringState = next;
      dispatchEvent(new Event("gatheringstatechange"));
    }
  }

  /** A transport created late starts where the connection is, without events. */
  void init(RTCIceTransportState s, RTCIceGathererState g, RTCIceRole r) {
    state = s;
    gatheringState = g;
    role = r;
  }

  void role(RTCIceRole next) {
    role = next;
  }

  void selected(RTCIceCandidatePair pair) {
    RTCIceCandidatePair old = selected;
    if (pair == null || state == RTCIceTransportState.CLOSED) {
      return;
    }
    if (old != null
        && old.local().candidate().equals(pair.local().candidate())
        && old.remote().candidate().equals(pair.remote().candidate())) {
      return;
    }
    selected = pair;
    dispatchEvent(new Event("selectedcandidatepairchange"));
  }

  void closeWithConnection() {
    state = RTCIceTransportState.CLOSED;
  }

  @Override
  public String toString() {
    return "RTCIceTransport[" + state + ", " + gatheringState + ", " + role + "]";
  }
}

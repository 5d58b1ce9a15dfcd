package io.github.jrtc;

import io.github.jrtc.internal.bridge.DtlsTransportBridge;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The DTLS transport under senders, receivers and the SCTP transport, as MDN documents {@code
 * RTCDtlsTransport}: {@code sender.transport()}, {@code pc.sctp().transport()}. One Java object per
 * native transport. With a native transport the state comes from libwebrtc's DTLS observer; a
 * data-only connection has no native transport that webrtc-java can reach, so its state is derived
 * from the connection's state and it has no remote certificates.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDtlsTransport">MDN</a>.
 */
public final class RTCDtlsTransport extends EventTarget {
  private final DtlsTransportBridge bridge; // null: derived
  private final RTCIceTransport iceTransport;
  private volatile RTCDtlsTransportState state;
  private volatile List<ByteBuffer> remoteCertificates = List.of();

  RTCDtlsTransport(DtlsTransportBridge bridge, RTCIceTransport ice, RTCDtlsTransportState state) {
    this.bridge = bridge;
    this.iceTransport = ice;
    this.state = state;
  }

  /**
   * The DTLS transport's state.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDtlsTransport/state">MDN</a>.
   *
   * @return the state
   */
  public RTCDtlsTransportState state() {
    return state;
  }

  /**
   * The ICE transport the DTLS packets go over.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDtlsTransport/iceTransport">MDN</a>.
   *
   * @return the ICE transport
   */
  public RTCIceTransport iceTransport() {
    return iceTransport;
  }

  /**
   * The remote peer's certificate chain (DER, one read-only buffer each) once connected; empty
   * before, and for a derived transport.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDtlsTransport/getRemoteCertificates">MDN</a>.
   *
   * @return an unmodifiable list of certificates
   */
  public List<ByteBuffer> getRemoteCertificates() {
    return remoteCertificates;
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
   * Sets the {@code onerror} handler: it runs for each {@code "error"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onerror(EventHandler<Event> handler) {
    setEventHandler("error", handler);
  }

  DtlsTransportBridge bridge() {
    return bridge;
  }

  boolean derived() {
    return bridge == null;
  }

  /** The state when the Java object was created, without an event. */
  void init(RTCDtlsTransportState now, List<byte[]> certificates) {
    state = now;
    update(now, certificates);
  }

  /** On the event queue. */
  void update(RTCDtlsTransportState next, List<byte[]> certificates) {
    if (certificates != null && !certificates.isEmpty()) {
      List<ByteBuffer> out = new ArrayList<>();
      for (byte[] der : certificates) {
        out.add(ByteBuffer.wrap(der.clone()).asReadOnlyBuffer());
      }
      remoteCertificates = List.copyOf(out);
    }
    if (state == next || state == RTCDtlsTransportState.CLOSED) {
      return;
    }
    state = next;
    dispatchEvent(new Event("statechange"));
  }

  /** The connection closed: closed, without an event. */
  void closeWithConnection() {
    state = RTCDtlsTransportState.CLOSED;
    iceTransport.closeWithConnection();
  }

  @Override
  public String toString() {
    return "RTCDtlsTransport[" + state + (bridge == null ? ", derived" : "") + "]";
  }
}

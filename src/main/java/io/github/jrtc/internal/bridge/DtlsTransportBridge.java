package io.github.jrtc.internal.bridge;

import io.github.jrtc.RTCDtlsTransportState;
import java.util.List;

/**
 * One native DTLS transport. {@link #key()} identifies the native object (webrtc-java hands out a
 * new wrapper per call), so that one Java {@code RTCDtlsTransport} stands for it.
 */
public interface DtlsTransportBridge {
  long key();

  RTCDtlsTransportState state();

  /** The remote certificate chain as DER bytes; empty unless connected. */
  List<byte[]> remoteCertificates();

  /** Observer callbacks come on a native thread; the certificates are read there when connected. */
  interface Observer {
    void onStateChange(RTCDtlsTransportState state, List<byte[]> remoteCertificates);

    void onError(String message);
  }

  /** Replaces the observer (one per native transport). */
  void observe(Observer observer);
}

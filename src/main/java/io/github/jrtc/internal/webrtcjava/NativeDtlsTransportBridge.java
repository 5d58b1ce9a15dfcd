package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.RTCCertificatePEM;
import dev.onvoid.webrtc.RTCDtlsTransport;
import dev.onvoid.webrtc.RTCDtlsTransportObserver;
import io.github.jrtc.RTCDtlsTransportState;
import io.github.jrtc.internal.bridge.DtlsTransportBridge;
import io.github.jrtc.internal.jni.NativeCallbacks;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@link DtlsTransportBridge} over webrtc-java. Its getRemoteCertificates dereferences libwebrtc's
 * certificate chain without a null check (a SIGSEGV before DTLS connected), so it is only called
 * for a transport that reports "connected", and from the transport's own callback when it becomes
 * so (the state cannot change under that callback: both run on the network thread).
 */
final class NativeDtlsTransportBridge implements DtlsTransportBridge {
  private final NativeEngine engine;
  private final NativeUseGuard use;
  private final RTCDtlsTransport transport;
  private final long key;
  private final List<NativeDtlsTransportBridge> observed;
  // The native side keeps a global reference to its observer forever (it never deletes it): the
  // observer forwards through this, cleared at close, so it does not pin the connection.
  private final java.util.concurrent.atomic.AtomicReference<Target> target =
      new java.util.concurrent.atomic.AtomicReference<>();

  /** Whom the native observer forwards to, and the transport it reads certificates from. */
  private record Target(Observer observer, RTCDtlsTransport transport) {}

  private NativeDtlsTransportBridge(
      NativeEngine engine,
      NativeUseGuard use,
      RTCDtlsTransport transport,
      List<NativeDtlsTransportBridge> observed) {
    this.engine = engine;
    this.use = use;
    this.transport = transport;
    this.key = NativeRtp.handleOf(transport);
    this.observed = observed;
  }

  /** webrtc-java returns a wrapper with a zero handle when libwebrtc has no transport yet. */
  static NativeDtlsTransportBridge of(
      NativeEngine engine,
      NativeUseGuard use,
      RTCDtlsTransport transport,
      List<NativeDtlsTransportBridge> observed) {
    if (transport == null || NativeRtp.handleOf(transport) == 0) {
      return null;
    }
    return new NativeDtlsTransportBridge(engine, use, transport, observed);
  }

  /** The connection closes: observers registered natively stop reaching Java. */
  void forget() {
    target.set(null);
  }

  private <T> T guarded(java.util.function.Supplier<T> body) {
    return use.callWhileEngineAlive(engine, body);
  }

  @Override
  public long key() {
    return key;
  }

  @Override
  public RTCDtlsTransportState state() {
    return guarded(() -> fromNative(transport.getState()));
  }

  @Override
  public List<byte[]> remoteCertificates() {
    return guarded(
        () ->
            fromNative(transport.getState()) == RTCDtlsTransportState.CONNECTED
                ? certificates(transport)
                : List.of());
  }

  @Override
  public void observe(Observer observer) {
    target.set(new Target(observer, transport));
    guarded(
        () -> {
          synchronized (observed) {
            observed.add(this);
          }
          transport.registerObserver(new Forwarder(target));
          return null;
        });
  }

  /**
   * What webrtc-java's native observer references forever (it never deletes it, nor its global
   * reference): a static class holding only the target, cleared at close, so a closed call's
   * bridge, transport wrapper, guard and connection are not pinned by it.
   */
  private static final class Forwarder implements RTCDtlsTransportObserver {
    private final java.util.concurrent.atomic.AtomicReference<Target> target;

    Forwarder(java.util.concurrent.atomic.AtomicReference<Target> target) {
      this.target = target;
    }

    @Override
    public void onStateChange(dev.onvoid.webrtc.RTCDtlsTransportState state) {
      NativeCallbacks.guard(
          "dtls statechange",
          () -> {
            Target t = target.get();
            if (t == null) {
              return;
            }
            RTCDtlsTransportState s = fromNative(state);
            List<byte[]> certs =
                s == RTCDtlsTransportState.CONNECTED ? certificates(t.transport()) : null;
            t.observer().onStateChange(s, certs);
          });
    }

    @Override
    public void onError(String message) {
      NativeCallbacks.guard(
          "dtls error",
          () -> {
            Target t = target.get();
            if (t != null) {
              t.observer().onError(message);
            }
          });
    }
  }

  private static List<byte[]> certificates(RTCDtlsTransport transport) {
    List<byte[]> out = new ArrayList<>();
    List<RTCCertificatePEM> pems = transport.getRemoteCertificates();
    if (pems == null) {
      return out;
    }
    for (RTCCertificatePEM pem : pems) {
      out.add(der(pem.getCertificate()));
    }
    return out;
  }

  private static byte[] der(String pem) {
    String body = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  static RTCDtlsTransportState fromNative(dev.onvoid.webrtc.RTCDtlsTransportState s) {
    if (s == null) {
      return RTCDtlsTransportState.NEW;
    }
    return RTCDtlsTransportState.valueOf(s.name().toUpperCase(Locale.ROOT));
  }
}

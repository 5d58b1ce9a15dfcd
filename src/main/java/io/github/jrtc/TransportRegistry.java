package io.github.jrtc;

import io.github.jrtc.internal.bridge.DtlsTransportBridge;
import io.github.jrtc.internal.loop.Futures;
import io.github.jrtc.internal.sdp.SessionDescriptionModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A connection's transports: one {@link RTCDtlsTransport} per native DTLS transport (keyed by its
 * native handle, so senders and receivers on one bundle share one object), their derived {@link
 * RTCIceTransport}s, and the {@link RTCSctpTransport}. Everything but close runs on the event
 * queue.
 */
final class TransportRegistry {
  private final RTCPeerConnection pc;
  private final int channelLimit;
  private final Map<Long, RTCDtlsTransport> byKey = new HashMap<>();
  private final List<RTCDtlsTransport> all = new CopyOnWriteArrayList<>();
  private volatile RTCSctpTransport sctp;
  private RTCIceRole role = RTCIceRole.UNKNOWN;
  private RTCIceTransportState iceState = RTCIceTransportState.NEW;
  private RTCIceGathererState gathering = RTCIceGathererState.NEW;
  private RTCDtlsTransportState derivedDtls = RTCDtlsTransportState.NEW;

  TransportRegistry(RTCPeerConnection pc, int channelLimit) {
    this.pc = pc;
    this.channelLimit = channelLimit;
  }

  // The selected pair costs a getStats per (re)connection: only once the app saw a transport.
  private volatile boolean exposed;

  RTCSctpTransport sctp() {
    RTCSctpTransport s = sctp;
    if (s != null) {
      exposed(s.transport());
    }
    return s;
  }

  /** The application got {@code t}: from now on keep its selected pair current. */
  RTCDtlsTransport exposed(RTCDtlsTransport t) {
    if (t != null && !exposed) {
      exposed = true;
      RTCIceTransportState s = t.iceTransport().state();
      if (s == RTCIceTransportState.CONNECTED || s == RTCIceTransportState.COMPLETED) {
        pc.post(() -> fetchSelectedPair(SELECTED_PAIR_ATTEMPTS));
      }
    }
    return t;
  }

  private RTCIceTransport newIce() {
    RTCIceTransport ice = new RTCIceTransport();
    ice.init(iceState, gathering, role);
    return ice;
  }

  private RTCDtlsTransport wrap(DtlsTransportBridge b) {
    if (b == null) {
      return null;
    }
    RTCDtlsTransport known = byKey.get(b.key());
    if (known != null) {
      return known;
    }
    RTCDtlsTransport t = new RTCDtlsTransport(b, newIce(), RTCDtlsTransportState.NEW);
    byKey.put(b.key(), t);
    all.add(t);
    // Observer first, then the current state: a change in between is not lost.
    b.observe(
        new DtlsTransportBridge.Observer() {
          @Override
          public void onStateChange(RTCDtlsTransportState state, List<byte[]> certificates) {
            pc.post(() -> dtlsChanged(t, state, certificates));
          }

          @Override
          public void onError(String message) {
            pc.post(() -> t.dispatchEvent(new Event("error")));
          }
        });
    RTCDtlsTransportState now = b.state();
    t.init(now, now == RTCDtlsTransportState.CONNECTED ? b.remoteCertificates() : null);
    return t;
  }

  private void dtlsChanged(RTCDtlsTransport t, RTCDtlsTransportState s, List<byte[]> certs) {
    t.update(s, certs);
    RTCSctpTransport sc = sctp;
    if (sc != null
        && sc.transport() == t
        && (s == RTCDtlsTransportState.CLOSED || s == RTCDtlsTransportState.FAILED)) {
      sc.state(RTCSctpTransportState.CLOSED);
    }
  }

  /** After a description was applied (on the queue, before track events): the spec's slots. */
  void afterDescription(
      RTCSdpType type,
      boolean local,
      RTCSessionDescription localDescription,
      RTCSessionDescription remoteDescription,
      List<RTCRtpTransceiver> transceivers) {
    boolean answer = type == RTCSdpType.ANSWER || type == RTCSdpType.PRANSWER;
    if (role == RTCIceRole.UNKNOWN && answer) {
      // The initial offerer is controlling (RFC 8445); a full agent always controls a lite one.
      role = local ? RTCIceRole.CONTROLLED : RTCIceRole.CONTROLLING;
      if (remoteDescription != null && remoteDescription.sdp().contains("a=ice-lite")) {
        role = RTCIceRole.CONTROLLING;
      }
      for (RTCDtlsTransport t : all) {
        t.iceTransport().role(role);
      }
    }
    for (RTCRtpTransceiver t : transceivers) {
      if (t.stoppedInternal()) {
        continue;
      }
      try {
        t.sender().transport(wrap(t.bridge().senderTransport()));
        t.receiver().transport(wrap(t.bridge().receiverTransport()));
      } catch (DOMException e) {
        return; // closed meanwhile
      }
    }
    RTCSessionDescription applied = local ? localDescription : remoteDescription;
    if (type == RTCSdpType.ROLLBACK) {
      // The spec drops an [[SctpTransport]] the rolled-back offer created.
      if (sctp != null && !hasData(localDescription) && !hasData(remoteDescription)) {
        sctp = null;
      }
    } else if (sctp == null && hasData(applied)) {
      // Any description with a data m-section, the offer included (WPT RTCSctpTransport-events).
      sctp = new RTCSctpTransport(pc, sctpDtls(applied.sdp(), transceivers), channelLimit);
      if (pc.anyDataChannelOpen()) {
        // libwebrtc's channel-open report can overtake its description callback.
        sctp.init(RTCSctpTransportState.CONNECTED);
      }
    }
  }

  private static boolean hasData(RTCSessionDescription d) {
    return d != null && d.sdp().contains("m=application");
  }

  /**
   * The DTLS transport the data m-section is bundled on; a derived one when it has its own (which
   * webrtc-java cannot reach: it has no getSctpTransport).
   */
  private RTCDtlsTransport sctpDtls(String sdp, List<RTCRtpTransceiver> transceivers) {
    SessionDescriptionModel model = SessionDescriptionModel.parse(sdp);
    List<String> bundle = model.bundleGroup();
    String dataMid = model.applicationMid();
    if (dataMid != null && bundle.contains(dataMid)) {
      for (RTCRtpTransceiver t : transceivers) {
        if (t.mid() != null && bundle.contains(t.mid()) && t.sender().transportInternal() != null) {
          return t.sender().transportInternal();
        }
      }
    }
    RTCDtlsTransport derived = new RTCDtlsTransport(null, newIce(), derivedDtls);
    all.add(derived);
    return derived;
  }

  /** Before the connection's iceconnectionstatechange, as the spec orders them. */
  void iceConnectionState(RTCIceConnectionState s) {
    iceState = RTCIceTransportState.fromString(s.toString());
    for (RTCDtlsTransport t : all) {
      t.iceTransport().state(iceState);
    }
    if (exposed
        && (iceState == RTCIceTransportState.CONNECTED
            || iceState == RTCIceTransportState.COMPLETED)) {
      fetchSelectedPair(SELECTED_PAIR_ATTEMPTS);
    }
  }

  private static final int SELECTED_PAIR_ATTEMPTS = 30;

  /**
   * Reads the selected pair from getStats; right at "connected" libwebrtc's transport stats may not
   * name one yet, so it asks again (every 100 ms, a few seconds at most).
   */
  private void fetchSelectedPair(int attemptsLeft) {
    if (pc.isClosedInternal()) {
      return;
    }
    Futures.onComplete(
        pc.getStats(),
        (report, error) -> {
          RTCIceCandidatePair pair = error == null ? SelectedPair.from(report) : null;
          if (pair != null) {
            for (RTCDtlsTransport t : all) {
              t.iceTransport().selected(pair);
            }
          } else if (error == null && attemptsLeft > 1) {
            java.util.concurrent.CompletableFuture.delayedExecutor(
                    100, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> pc.post(() -> fetchSelectedPair(attemptsLeft - 1)));
          }
        });
  }

  void iceGatheringState(RTCIceGatheringState s) {
    gathering = RTCIceGathererState.fromString(s.toString());
    for (RTCDtlsTransport t : all) {
      t.iceTransport().gatheringState(gathering);
    }
  }

  /** Derived DTLS transports follow the connection's state (which aggregates DTLS). */
  void connectionState(RTCPeerConnectionState s) {
    RTCDtlsTransportState next =
        switch (s) {
          case NEW -> RTCDtlsTransportState.NEW;
          case CONNECTING -> RTCDtlsTransportState.CONNECTING;
          case CONNECTED, DISCONNECTED ->
              derivedDtls == RTCDtlsTransportState.NEW
                  ? RTCDtlsTransportState.CONNECTED
                  : derivedDtls == RTCDtlsTransportState.CONNECTING
                      ? RTCDtlsTransportState.CONNECTED
                      : derivedDtls;
          case FAILED -> RTCDtlsTransportState.FAILED;
          case CLOSED -> RTCDtlsTransportState.CLOSED;
        };
    derivedDtls = next;
    for (RTCDtlsTransport t : all) {
      if (t.derived()) {
        dtlsChanged(t, next, null);
      }
    }
  }

  /** A data channel of the connection opened: the association is up. */
  void dataChannelOpened() {
    RTCSctpTransport sc = sctp;
    if (sc != null) {
      sc.state(RTCSctpTransportState.CONNECTED);
    }
  }

  /** close(): everything closed, no events. */
  void closeAll() {
    for (RTCDtlsTransport t : all) {
      t.closeWithConnection();
    }
    RTCSctpTransport sc = sctp;
    if (sc != null) {
      sc.closeWithConnection();
    }
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.bridge.DataChannelBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeObserver;
import io.github.jrtc.internal.jfr.JfrEvents;
import io.github.jrtc.internal.loop.QueueDelivery;
import io.github.jrtc.internal.sdp.DescriptionState;
import io.github.jrtc.internal.sdp.Descriptions;
import io.github.jrtc.internal.sdp.MediaSection;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What libwebrtc reports about a connection, turned into the spec's ICE and connection states and
 * events: candidates (held while a local description is being set), end-of-candidates, gathering,
 * ICE and connection state changes, negotiation-needed reports and channels the peer announced.
 *
 * <p>Threads: the observer methods are called on libwebrtc's threads and only post to the event
 * queue; every state change and event happens there.
 */
final class BridgeEvents implements PeerConnectionBridgeObserver {
  private final long connection;
  private final QueueDelivery delivery;
  private final Consumer<Runnable> runOrHoldWhileSettingLocal;
  private final DescriptionState descriptions;
  private final TransportRegistry transports;
  private final Runnable negotiationNeededRaised;
  private final Consumer<DataChannelBridge> remoteDataChannel;
  private final Consumer<Event> dispatch;
  private final BooleanSupplier closed;

  private volatile RTCIceGatheringState iceGatheringState = RTCIceGatheringState.NEW;
  private volatile RTCIceConnectionState iceConnectionState = RTCIceConnectionState.NEW;
  private volatile RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;

  /**
   * @param connection the connection's per-JVM id (JFR events)
   * @param runOrHoldWhileSettingLocal runs an ICE event now or after the local description being
   *     set has settled (the signaling machine)
   * @param remoteDataChannel takes a channel the peer announced (called on libwebrtc's thread)
   * @param dispatch dispatches an event at the connection
   */
  BridgeEvents(
      long connection,
      QueueDelivery delivery,
      Consumer<Runnable> runOrHoldWhileSettingLocal,
      DescriptionState descriptions,
      TransportRegistry transports,
      Runnable negotiationNeededRaised,
      Consumer<DataChannelBridge> remoteDataChannel,
      Consumer<Event> dispatch,
      BooleanSupplier closed) {
    this.connection = connection;
    this.delivery = delivery;
    this.runOrHoldWhileSettingLocal = runOrHoldWhileSettingLocal;
    this.descriptions = descriptions;
    this.transports = transports;
    this.negotiationNeededRaised = negotiationNeededRaised;
    this.remoteDataChannel = remoteDataChannel;
    this.dispatch = dispatch;
    this.closed = closed;
  }

  RTCIceGatheringState iceGatheringState() {
    return iceGatheringState;
  }

  RTCIceConnectionState iceConnectionState() {
    return iceConnectionState;
  }

  RTCPeerConnectionState connectionState() {
    return connectionState;
  }

  /** The connection closed: ICE and connection states are "closed", without events. */
  void close() {
    JfrEvents.stateChanged(
        connection, "iceConnection", iceConnectionState, RTCIceConnectionState.CLOSED);
    JfrEvents.stateChanged(
        connection, "connection", connectionState, RTCPeerConnectionState.CLOSED);
    iceConnectionState = RTCIceConnectionState.CLOSED;
    connectionState = RTCPeerConnectionState.CLOSED;
  }

  @Override
  public void onIceCandidate(RTCIceCandidateInit candidate, String url, Descriptions snapshot) {
    delivery.post(
        () ->
            runOrHoldWhileSettingLocal.accept(
                () -> {
                  descriptions.take(snapshot, true, false);
                  dispatch.accept(
                      new RTCPeerConnectionIceEvent(
                          "icecandidate", new RTCIceCandidate(candidate), url));
                }));
  }

  @Override
  public void onIceCandidateError(String address, Integer port, String url, int code, String text) {
    delivery.post(
        () ->
            dispatch.accept(
                new RTCPeerConnectionIceErrorEvent(
                    "icecandidateerror", address, port, url, code, text)));
  }

  @Override
  public void onIceGatheringStateChange(RTCIceGatheringState state, Descriptions snapshot) {
    delivery.post(
        () ->
            runOrHoldWhileSettingLocal.accept(
                () -> {
                  if (iceGatheringState == state) {
                    return;
                  }
                  descriptions.take(snapshot, true, false);
                  if (state == RTCIceGatheringState.COMPLETE) {
                    // webrtc-pc (w3c/webrtc-pc#2894): one task fires each transport's
                    // end-of-candidates (an empty candidate), the next the state changes and the
                    // final null candidate; webrtc-java reports neither candidate.
                    fireEndOfCandidates();
                    delivery.post(() -> gatheringStateChanged(state));
                  } else {
                    gatheringStateChanged(state);
                  }
                }));
  }

  @Override
  public void onIceConnectionStateChange(RTCIceConnectionState state) {
    delivery.post(
        () -> {
          if (iceConnectionState != state) {
            JfrEvents.stateChanged(connection, "iceConnection", iceConnectionState, state);
            iceConnectionState = state;
            transports.iceConnectionState(state);
            dispatch.accept(new Event("iceconnectionstatechange"));
          }
        });
  }

  @Override
  public void onConnectionStateChange(RTCPeerConnectionState state) {
    delivery.post(
        () -> {
          if (connectionState != state) {
            JfrEvents.stateChanged(connection, "connection", connectionState, state);
            connectionState = state;
            transports.connectionState(state);
            dispatch.accept(new Event("connectionstatechange"));
          }
        });
  }

  @Override
  public void onNegotiationNeeded() {
    negotiationNeededRaised.run();
  }

  @Override
  public void onDataChannel(DataChannelBridge channelBridge) {
    remoteDataChannel.accept(channelBridge);
  }

  /**
   * Gathering finished: an icecandidate event with an empty candidate for each transport, and
   * a=end-of-candidates in the local description's sections from now on.
   */
  private void fireEndOfCandidates() {
    for (MediaSection s : descriptions.localGatheringFinished()) {
      if (closed.getAsBoolean()) {
        return;
      }
      dispatch.accept(
          new RTCPeerConnectionIceEvent(
              "icecandidate",
              new RTCIceCandidate(new RTCIceCandidateInit("", s.mid(), s.index(), s.iceUfrag())),
              null));
    }
  }

  private void gatheringStateChanged(RTCIceGatheringState state) {
    if (iceGatheringState == state) {
      return;
    }
    if (state == RTCIceGatheringState.GATHERING) {
      // A new generation (ICE restart, new transport): its end-of-candidates is still to come.
      descriptions.localGatheringStarted();
    }
    JfrEvents.stateChanged(connection, "iceGathering", iceGatheringState, state);
    iceGatheringState = state;
    transports.iceGatheringState(state);
    dispatch.accept(new Event("icegatheringstatechange"));
    if (state == RTCIceGatheringState.COMPLETE && !closed.getAsBoolean()) {
      dispatch.accept(new RTCPeerConnectionIceEvent("icecandidate", null, null));
    }
  }
}

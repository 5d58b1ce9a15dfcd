package io.github.jrtc;

import io.github.jrtc.internal.bridge.DataChannelBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeFactory;
import io.github.jrtc.internal.loop.EventQueueAccess;
import io.github.jrtc.internal.loop.OperationsChain;
import io.github.jrtc.internal.loop.QueueDelivery;
import io.github.jrtc.internal.loop.SerialEventQueue;
import io.github.jrtc.internal.sdp.DescriptionState;
import io.github.jrtc.internal.sdp.Descriptions;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.spec.IceServerValidator;
import io.github.jrtc.internal.webrtcjava.NativeEngineBridgeFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A WebRTC connection, as MDN documents {@code RTCPeerConnection}: {@code new
 * RTCPeerConnection(config)}, promise methods that return {@link CompletableFuture}s, the spec's
 * state machines and events.
 *
 * <p>Threads: every event handler and every future completion of a connection runs on that
 * connection's own serial event queue, in spec order, never on a native thread and never before the
 * call that started it returned. Methods may be called from any thread, handlers included.
 * Offer/answer methods and addIceCandidate are serialized by the spec's operations chain.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection">MDN</a>.
 */
public class RTCPeerConnection extends EventTarget implements AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();

  static {
    EventQueueAccess.register(RTCPeerConnection.class, RTCPeerConnection::eventQueue);
  }

  // The connection holds [[IsClosed]] and the configuration; everything else is a collaborator
  // with one concern: the spec's operations chain and the queue delivery it and the native futures
  // settle through; the signaling machine (offer/answer states, held ICE events); the descriptions
  // and what derives from them; remote candidates; negotiation-needed; libwebrtc's events;
  // transceivers, transports and data channels.
  private final int id;
  private final SerialEventQueue queue;
  private final QueueDelivery delivery;
  private final OperationsChain chain;
  private final SignalingMachine signaling;
  private final DescriptionState descriptions = new DescriptionState(() -> this.closed);
  private final RemoteCandidates remoteCandidates;
  private final NegotiationNeeded negotiation;
  private final BridgeEvents events;
  private final TransceiverRegistry transceivers;
  private final TransportRegistry transports =
      new TransportRegistry(this, DataChannelRegistry.MAX_DATA_CHANNELS);
  private final DataChannelRegistry dataChannels = new DataChannelRegistry();
  private final PeerConnectionBridgeFactory factory;
  private final PeerConnectionBridge bridge;
  private final Object closeLock = new Object();

  private volatile boolean closed;
  private volatile RTCConfiguration configuration;

  /** A connection with the default configuration. */
  public RTCPeerConnection() {
    this(new RTCConfiguration());
  }

  /**
   * @throws DOMException SyntaxError for a malformed ICE server URL or empty urls,
   *     InvalidAccessError for a TURN server without username or credential
   * @param configuration ICE servers, policies and the rest; null means the defaults
   */
  public RTCPeerConnection(RTCConfiguration configuration) {
    this(configuration, NativeEngineBridgeFactory.INSTANCE);
  }

  RTCPeerConnection(RTCConfiguration configuration, PeerConnectionBridgeFactory factory) {
    RTCConfiguration config = configuration == null ? new RTCConfiguration() : configuration;
    IceServerValidator.validate(config.iceServers());
    this.configuration = config;
    this.factory = factory;
    this.id = COUNT.incrementAndGet();
    this.queue = new SerialEventQueue("pc-" + id, id);
    this.delivery = new QueueDelivery(queue, () -> closed);
    this.negotiation =
        new NegotiationNeeded(
            System::nanoTime,
            NegotiationNeeded.SHARED,
            queue::isCurrent,
            delivery::post,
            this::negotiationNeededMayFire,
            () -> dispatchEvent(new Event("negotiationneeded")));
    this.chain =
        new OperationsChain(queue, () -> closed, negotiation::maybeFire, negotiation::isNeeded);
    this.events =
        new BridgeEvents(
            id,
            delivery,
            this::runOrHoldIceEvent,
            descriptions,
            transports,
            negotiation::raised,
            this::remoteDataChannel,
            this::dispatchEvent,
            () -> closed);
    this.bridge = factory.create(config, events, this);
    this.signaling =
        new SignalingMachine(
            id,
            bridge,
            chain,
            queue,
            delivery,
            descriptions,
            negotiation,
            () -> closed,
            new SignalingMachine.Listener() {
              @Override
              public void signalingStateChanged(
                  RTCSignalingState previous, RTCSignalingState next) {
                dispatchEvent(new Event("signalingstatechange"));
              }

              @Override
              public void descriptionApplied(RTCSdpType type, boolean local, Descriptions now) {
                transceivers.afterDescription(type, local, now.local(), now.remote());
              }
            });
    this.remoteCandidates = new RemoteCandidates(bridge, descriptions);
    this.transceivers = new TransceiverRegistry(this, bridge);
  }

  // ---------------------------------------------------------------- offer / answer

  /**
   * Creates an offer; resolves an {@code RTCSessionDescriptionInit} of type "offer".
   *
   * @return the offer, remembered as the last created offer
   */
  public CompletableFuture<RTCSessionDescriptionInit> createOffer() {
    return createOffer(new RTCOfferOptions());
  }

  /**
   * Creates an offer with options (ICE restart, voice activity detection); chained like every
   * operation. InvalidStateError unless the state is stable or have-local-offer.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/createOffer">MDN</a>.
   *
   * @param options the offer options; null means the defaults
   * @return the offer, remembered as the last created offer
   */
  public CompletableFuture<RTCSessionDescriptionInit> createOffer(RTCOfferOptions options) {
    RTCOfferOptions opts = options == null ? new RTCOfferOptions() : options;
    return chain.chain("createOffer", () -> signaling.createOffer(opts), signaling::offerOutdated);
  }

  /**
   * Creates an answer; resolves an {@code RTCSessionDescriptionInit} of type "answer".
   *
   * @return the answer, remembered as the last created answer
   */
  public CompletableFuture<RTCSessionDescriptionInit> createAnswer() {
    return createAnswer(new RTCAnswerOptions());
  }

  /**
   * Creates an answer to the remote offer; chained like every operation. InvalidStateError unless
   * the state is have-remote-offer or have-local-pranswer.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/createAnswer">MDN</a>.
   *
   * @param options the answer options; null means the defaults
   * @return the answer, remembered as the last created answer
   */
  public CompletableFuture<RTCSessionDescriptionInit> createAnswer(RTCAnswerOptions options) {
    RTCAnswerOptions opts = options == null ? new RTCAnswerOptions() : options;
    return chain.chain("createAnswer", () -> signaling.createAnswer(opts));
  }

  /**
   * Legacy callback form of createOffer, as MDN still documents it.
   *
   * @deprecated use {@link #createOffer()}
   * @param successCallback called with the offer, from the event queue
   * @param failureCallback called with the DOMException on failure, from the event queue
   * @return a future completed (with null) once a callback has run
   */
  @Deprecated
  public CompletableFuture<Void> createOffer(
      Consumer<RTCSessionDescriptionInit> successCallback, Consumer<DOMException> failureCallback) {
    return createOffer(successCallback, failureCallback, new RTCOfferOptions());
  }

  /**
   * @deprecated use {@link #createOffer(RTCOfferOptions)}
   * @param successCallback called with the offer, from the event queue
   * @param failureCallback called with the DOMException on failure, from the event queue
   * @param options the offer options
   * @return a future completed (with null) once a callback has run
   */
  @Deprecated
  public CompletableFuture<Void> createOffer(
      Consumer<RTCSessionDescriptionInit> successCallback,
      Consumer<DOMException> failureCallback,
      RTCOfferOptions options) {
    return LegacyCallbacks.adapt(createOffer(options), successCallback, failureCallback);
  }

  /**
   * @deprecated use {@link #createAnswer()}
   * @param successCallback called with the answer, from the event queue
   * @param failureCallback called with the DOMException on failure, from the event queue
   * @return a future completed (with null) once a callback has run
   */
  @Deprecated
  public CompletableFuture<Void> createAnswer(
      Consumer<RTCSessionDescriptionInit> successCallback, Consumer<DOMException> failureCallback) {
    return LegacyCallbacks.adapt(createAnswer(), successCallback, failureCallback);
  }

  /**
   * @deprecated use {@link #setLocalDescription(RTCSessionDescriptionInit)}
   * @param description the description to apply
   * @param successCallback run once applied, from the event queue
   * @param failureCallback called with the DOMException on failure, from the event queue
   * @return a future completed (with null) once a callback has run
   */
  @Deprecated
  public CompletableFuture<Void> setLocalDescription(
      RTCSessionDescriptionInit description,
      Runnable successCallback,
      Consumer<DOMException> failureCallback) {
    return LegacyCallbacks.adapt(
        setLocalDescription(description), v -> successCallback.run(), failureCallback);
  }

  /**
   * @deprecated use {@link #setRemoteDescription(RTCSessionDescriptionInit)}
   * @param description the description to apply
   * @param successCallback run once applied, from the event queue
   * @param failureCallback called with the DOMException on failure, from the event queue
   * @return a future completed (with null) once a callback has run
   */
  @Deprecated
  public CompletableFuture<Void> setRemoteDescription(
      RTCSessionDescriptionInit description,
      Runnable successCallback,
      Consumer<DOMException> failureCallback) {
    return LegacyCallbacks.adapt(
        setRemoteDescription(description), v -> successCallback.run(), failureCallback);
  }

  /**
   * @deprecated use {@link #addIceCandidate(RTCIceCandidateInit)}
   * @param candidate the candidate to add
   * @param successCallback run once added, from the event queue
   * @param failureCallback called with the DOMException on failure, from the event queue
   * @return a future completed (with null) once a callback has run
   */
  @Deprecated
  public CompletableFuture<Void> addIceCandidate(
      RTCIceCandidateInit candidate,
      Runnable successCallback,
      Consumer<DOMException> failureCallback) {
    return LegacyCallbacks.adapt(
        addIceCandidate(candidate), v -> successCallback.run(), failureCallback);
  }

  // ---------------------------------------------------------------- descriptions

  /**
   * The parameterless form: creates (or reuses the last created, still valid) offer or answer as
   * the signaling state implies, and applies it.
   *
   * @return completes once applied and its events have fired
   */
  public CompletableFuture<Void> setLocalDescription() {
    return setLocalDescription((RTCSessionDescriptionInit) null);
  }

  /**
   * Applies a local description given as an {@link RTCSessionDescription}, as {@link
   * #setLocalDescription(RTCSessionDescriptionInit)} does its init form.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/setLocalDescription">MDN</a>.
   *
   * @param description the description; null as in the parameterless form
   * @return completes once applied and its events have fired
   */
  public CompletableFuture<Void> setLocalDescription(RTCSessionDescription description) {
    return setLocalDescription(description == null ? null : description.toInit());
  }

  /**
   * Applies a local description. A null type is inferred from the signaling state, an empty sdp
   * means "the last created offer/answer, or a new one". An sdp that is not the last one this
   * connection created fails with InvalidModificationError.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/setLocalDescription">MDN</a>.
   *
   * @param description the description; null or an empty init as in the parameterless form
   * @return completes once applied and its events have fired
   */
  public CompletableFuture<Void> setLocalDescription(RTCSessionDescriptionInit description) {
    return chain.chain("setLocalDescription", () -> signaling.setLocal(description));
  }

  /**
   * Applies a remote description given as an {@link RTCSessionDescription}, as {@link
   * #setRemoteDescription(RTCSessionDescriptionInit)} does its init form.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/setRemoteDescription">MDN</a>.
   *
   * @param description the description
   * @return completes once applied and its events have fired
   */
  public CompletableFuture<Void> setRemoteDescription(RTCSessionDescription description) {
    return setRemoteDescription(description == null ? null : description.toInit());
  }

  /**
   * Applies the remote peer's description. An offer in have-local-offer rolls the local offer back
   * first (perfect negotiation's polite peer relies on this).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/setRemoteDescription">MDN</a>.
   *
   * @param description the description (a null type is a TypeError)
   * @return completes once applied and its events have fired
   */
  public CompletableFuture<Void> setRemoteDescription(RTCSessionDescriptionInit description) {
    if (description == null || description.type() == null) {
      CompletableFuture<Void> p = new CompletableFuture<>();
      return chain.rejectLater(
          p, new TypeError("setRemoteDescription needs a description with a type"));
    }
    return chain.chain("setRemoteDescription", () -> signaling.setRemote(description));
  }

  /**
   * The pending local description if there is one, else the current one; null before any.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/localDescription">MDN</a>.
   *
   * @return the local description, or null
   */
  public RTCSessionDescription localDescription() {
    return descriptions.current().local();
  }

  /**
   * The local description of the last completed negotiation; null before one.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/currentLocalDescription">MDN</a>.
   *
   * @return the current local description, or null
   */
  public RTCSessionDescription currentLocalDescription() {
    return descriptions.current().currentLocal();
  }

  /**
   * The local description of a negotiation in progress; null when there is none.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/pendingLocalDescription">MDN</a>.
   *
   * @return the pending local description, or null
   */
  public RTCSessionDescription pendingLocalDescription() {
    return descriptions.current().pendingLocal();
  }

  /**
   * The pending remote description if there is one, else the current one; null before any. Added
   * candidates and end-of-candidates show in its sdp.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/remoteDescription">MDN</a>.
   *
   * @return the remote description, or null
   */
  public RTCSessionDescription remoteDescription() {
    return descriptions.current().remote();
  }

  /**
   * The remote description of the last completed negotiation; null before one.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/currentRemoteDescription">MDN</a>.
   *
   * @return the current remote description, or null
   */
  public RTCSessionDescription currentRemoteDescription() {
    return descriptions.current().currentRemote();
  }

  /**
   * The remote description of a negotiation in progress; null when there is none.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/pendingRemoteDescription">MDN</a>.
   *
   * @return the pending remote description, or null
   */
  public RTCSessionDescription pendingRemoteDescription() {
    return descriptions.current().pendingRemote();
  }

  // ---------------------------------------------------------------- ICE

  /**
   * End-of-candidates for every m-section: the same as {@code addIceCandidate(null)}.
   *
   * @return completes once applied
   */
  public CompletableFuture<Void> addIceCandidate() {
    return addIceCandidate((RTCIceCandidateInit) null);
  }

  /**
   * Adds a remote candidate given as an {@link RTCIceCandidate}, as {@link
   * #addIceCandidate(RTCIceCandidateInit)} does its init form.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/addIceCandidate">MDN</a>.
   *
   * @param candidate the candidate; null means end-of-candidates for every m-section
   * @return completes once the candidate was added
   */
  public CompletableFuture<Void> addIceCandidate(RTCIceCandidate candidate) {
    return addIceCandidate(candidate == null ? null : candidate.toInit());
  }

  /**
   * Adds a remote candidate. An empty candidate string (or null) signals end-of-candidates. Fails
   * with TypeError when a candidate names neither sdpMid nor sdpMLineIndex, InvalidStateError
   * without a remote description, OperationError for an unknown mid, an index out of range, a
   * foreign usernameFragment or an unparsable candidate.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/addIceCandidate">MDN</a>.
   *
   * @param candidate the candidate; null means end-of-candidates for every m-section
   * @return completes once the candidate was added
   */
  public CompletableFuture<Void> addIceCandidate(RTCIceCandidateInit candidate) {
    RTCIceCandidateInit c =
        candidate == null ? new RTCIceCandidateInit("", null, null, null) : candidate;
    if (!c.candidate().isEmpty() && c.sdpMid() == null && c.sdpMLineIndex() == null) {
      return chain.rejectLater(
          new CompletableFuture<>(),
          new TypeError("A candidate needs an sdpMid or an sdpMLineIndex"));
    }
    return chain.chain("addIceCandidate", () -> remoteCandidates.add(c));
  }

  /**
   * Whether the remote peer can take trickled candidates: null before a remote description, else
   * whether it announced {@code a=ice-options:trickle}.
   *
   * @return true or false, or null before a remote description
   */
  public Boolean canTrickleIceCandidates() {
    return descriptions.canTrickleIceCandidates();
  }

  /**
   * Asks for an ICE restart at the next offer; fires negotiationneeded. Before the first local
   * description there are no ICE credentials to replace, so it does nothing (the spec's
   * [[LocalIceCredentialsToReplace]] stays empty; libwebrtc would still renegotiate afterwards).
   */
  public void restartIce() {
    if (closed || descriptions.current().local() == null) {
      return;
    }
    noteChange();
    bridge.restartIce();
  }

  // ---------------------------------------------------------------- configuration

  /**
   * The configuration in effect: the one given to the constructor or the last {@link
   * #setConfiguration}.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/getConfiguration">MDN</a>.
   *
   * @return the configuration
   */
  public RTCConfiguration getConfiguration() {
    return configuration;
  }

  /**
   * Changes the configuration. Throws InvalidStateError when closed, InvalidModificationError when
   * bundlePolicy or rtcpMuxPolicy change (or iceCandidatePoolSize after a local description was
   * set), SyntaxError/InvalidAccessError for bad ICE servers.
   *
   * @param newConfiguration the new configuration; null means the defaults
   */
  public void setConfiguration(RTCConfiguration newConfiguration) {
    if (closed) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    RTCConfiguration c = newConfiguration == null ? new RTCConfiguration() : newConfiguration;
    RTCConfiguration current = configuration;
    if (c.bundlePolicy() != current.bundlePolicy()) {
      throw Errors.invalidModification("bundlePolicy cannot be changed");
    }
    if (c.rtcpMuxPolicy() != current.rtcpMuxPolicy()) {
      throw Errors.invalidModification("rtcpMuxPolicy cannot be changed");
    }
    if (c.iceCandidatePoolSize() != current.iceCandidatePoolSize() && localDescription() != null) {
      throw Errors.invalidModification(
          "iceCandidatePoolSize cannot be changed after setLocalDescription");
    }
    IceServerValidator.validate(c.iceServers());
    bridge.setConfiguration(c);
    configuration = c;
  }

  // ---------------------------------------------------------------- states

  /**
   * The offer/answer state.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/signalingState">MDN</a>.
   *
   * @return the signaling state
   */
  public RTCSignalingState signalingState() {
    return signaling.state();
  }

  /**
   * Whether ICE candidates are being gathered.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/iceGatheringState">MDN</a>.
   *
   * @return the ICE gathering state
   */
  public RTCIceGatheringState iceGatheringState() {
    return events.iceGatheringState();
  }

  /**
   * The ICE connection state of the connection's transports together.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/iceConnectionState">MDN</a>.
   *
   * @return the ICE connection state
   */
  public RTCIceConnectionState iceConnectionState() {
    return events.iceConnectionState();
  }

  /**
   * The connection state (ICE and DTLS of every transport together).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/connectionState">MDN</a>.
   *
   * @return the connection state
   */
  public RTCPeerConnectionState connectionState() {
    return events.connectionState();
  }

  // ---------------------------------------------------------------- data channels

  /**
   * Creates a data channel with the default options (ordered, reliable, in-band).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/createDataChannel">MDN</a>.
   *
   * @param label the channel's label (JS ToString: null is "null")
   * @return the new channel, in state connecting
   */
  public RTCDataChannel createDataChannel(String label) {
    return createDataChannel(label, new RTCDataChannelInit());
  }

  /**
   * Creates a data channel. TypeError for a label or protocol over 65535 UTF-8 bytes, negotiated
   * without id, both maxPacketLifeTime and maxRetransmits, or an id of 65535 or more;
   * OperationError for an id already in use; InvalidStateError when closed.
   *
   * @param label the channel's label (JS ToString: null is "null")
   * @param init ordering, reliability, protocol, negotiated id; null means the defaults
   * @return the new channel, in state connecting
   */
  public RTCDataChannel createDataChannel(String label, RTCDataChannelInit init) {
    if (closed) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    DataChannelRegistry.Request request = dataChannels.check(label, init);
    noteChange();
    DataChannelBridge channelBridge = bridge.createDataChannel(request.label(), request.options());
    RTCDataChannel channel =
        new RTCDataChannel(this, channelBridge, queue, request.label(), request.options());
    dataChannels.add(channel);
    signaling.connectionChanged();
    noteChange();
    channel.attach();
    // Over an established SCTP association libwebrtc opens a channel inside createDataChannel,
    // before any observer could see it: announce it, asynchronously as the spec does.
    post(channel::announceIfOpen);
    return channel;
  }

  /** The largest message {@link RTCDataChannel#send} accepts; 0 means no limit. */
  long maxMessageSize() {
    return descriptions.maxMessageSize();
  }

  void forget(RTCDataChannel channel) {
    dataChannels.forget(channel);
  }

  boolean isClosedInternal() {
    return closed;
  }

  /**
   * The SCTP transport data channels use; null until an answer negotiating data channels was
   * applied.
   *
   * @return the SCTP transport, or null
   */
  public RTCSctpTransport sctp() {
    return transports.sctp();
  }

  TransportRegistry transportsInternal() {
    return transports;
  }

  boolean anyDataChannelOpen() {
    return dataChannels.anyOpen();
  }

  /** A data channel of this connection opened (on the queue, before its open event). */
  void dataChannelOpened() {
    transports.dataChannelOpened();
  }

  // ---------------------------------------------------------------- media (TransceiverRegistry)

  /**
   * Sends {@code track} (in {@code streams}); reuses an unused transceiver of its kind or adds one.
   * InvalidStateError when closed, InvalidAccessError when the track already has a sender here. An
   * ended track is accepted (as the spec says): its sender sends nothing.
   *
   * @param track the track to send
   * @param streams the streams the remote side should put the track in
   * @return the sender that sends the track
   */
  public RTCRtpSender addTrack(MediaStreamTrack track, MediaStream... streams) {
    return transceivers.addTrack(track, streams);
  }

  /**
   * Stops sending the sender's track; the transceiver stays (its direction loses "send").
   *
   * @param sender a sender of this connection
   */
  public void removeTrack(RTCRtpSender sender) {
    transceivers.removeTrack(sender);
  }

  /**
   * A new transceiver of {@code kind} ("audio" or "video"; else TypeError), with no track.
   *
   * @param kind "audio" or "video"
   * @return the new transceiver
   */
  public RTCRtpTransceiver addTransceiver(String kind) {
    return addTransceiver(kind, new RTCRtpTransceiverInit());
  }

  /**
   * A new transceiver of {@code kind} ("audio" or "video"; else TypeError), with no track.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/addTransceiver">MDN</a>.
   *
   * @param kind "audio" or "video"
   * @param init direction, streams and send encodings
   * @return the new transceiver
   */
  public RTCRtpTransceiver addTransceiver(String kind, RTCRtpTransceiverInit init) {
    return transceivers.addTransceiver(kind, null, init);
  }

  /**
   * A new transceiver sending {@code track}.
   *
   * @param track the track to send
   * @return the new transceiver
   */
  public RTCRtpTransceiver addTransceiver(MediaStreamTrack track) {
    return addTransceiver(track, new RTCRtpTransceiverInit());
  }

  /**
   * A new transceiver sending {@code track}.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/addTransceiver">MDN</a>.
   *
   * @param track the track to send (TypeError when null)
   * @param init direction, streams and send encodings
   * @return the new transceiver
   */
  public RTCRtpTransceiver addTransceiver(MediaStreamTrack track, RTCRtpTransceiverInit init) {
    if (track == null) {
      throw new TypeError("addTransceiver needs a track or a kind");
    }
    return transceivers.addTransceiver(track.kind(), track, init);
  }

  /**
   * The transceivers, in creation order; the same objects every time.
   *
   * @return an unmodifiable list of transceivers
   */
  public List<RTCRtpTransceiver> getTransceivers() {
    return transceivers.transceivers();
  }

  /**
   * The senders of the transceivers that are not stopped; the same objects every time.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/getSenders">MDN</a>.
   *
   * @return an unmodifiable list of senders
   */
  public List<RTCRtpSender> getSenders() {
    return transceivers.senders();
  }

  /**
   * The receivers of the transceivers that are not stopped; the same objects every time.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCPeerConnection/getReceivers">MDN</a>.
   *
   * @return an unmodifiable list of receivers
   */
  public List<RTCRtpReceiver> getReceivers() {
    return transceivers.receivers();
  }

  /**
   * Sets the {@code ontrack} handler: it runs for each {@code "track"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void ontrack(EventHandler<RTCTrackEvent> handler) {
    setEventHandler("track", handler);
  }

  /** Something that changes the next offer happened: a stored offer/answer is outdated. */
  void negotiationChanged() {
    signaling.connectionChanged();
    noteChange();
  }

  /** An off-queue change of what the next offer holds (see {@link NegotiationNeeded}). */
  void noteChange() {
    negotiation.noteChange();
  }

  <T> CompletableFuture<T> chainOperation(
      String kind, java.util.function.Supplier<CompletableFuture<T>> operation) {
    return chain.chain(kind, operation);
  }

  <T> CompletableFuture<T> rejectOnQueue(Throwable error) {
    return chain.rejectLater(new CompletableFuture<>(), error);
  }

  <T> CompletableFuture<T> completeOnQueue(CompletableFuture<T> nativeFuture) {
    return delivery.deliver(nativeFuture, Function.identity());
  }

  // ---------------------------------------------------------------- stats

  /**
   * A stats report for the whole connection; not chained, as the spec says.
   *
   * @return the stats report of the whole connection
   */
  public CompletableFuture<RTCStatsReport> getStats() {
    if (closed) {
      return chain.rejectLater(
          new CompletableFuture<>(), Errors.invalidState("The RTCPeerConnection is closed"));
    }
    return delivery.deliver(bridge.getStats(), Function.identity());
  }

  // ---------------------------------------------------------------- close

  /**
   * Closes the connection synchronously: states become "closed" without events, data channels close
   * without their closing procedure, pending operations never complete, and no event fires
   * afterwards. Idempotent.
   */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    signaling.close();
    events.close();
    dataChannels.closeAll();
    transceivers.closeAll();
    transports.closeAll();
    try {
      bridge.close();
    } finally {
      factory.release(this);
    }
  }

  // ---------------------------------------------------------------- event handlers

  /**
   * Sets the {@code onicecandidate} handler: it runs for each {@code "icecandidate"} event, never
   * on a native thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onicecandidate(EventHandler<RTCPeerConnectionIceEvent> handler) {
    setEventHandler("icecandidate", handler);
  }

  /**
   * Sets the {@code onicecandidateerror} handler: it runs for each {@code "icecandidateerror"}
   * event, never on a native thread. Replaces the previous handler, as assignment does in JS; null
   * removes it.
   *
   * @param handler the handler, or null
   */
  public void onicecandidateerror(EventHandler<RTCPeerConnectionIceErrorEvent> handler) {
    setEventHandler("icecandidateerror", handler);
  }

  /**
   * Sets the {@code onicegatheringstatechange} handler: it runs for each {@code
   * "icegatheringstatechange"} event, never on a native thread. Replaces the previous handler, as
   * assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onicegatheringstatechange(EventHandler<Event> handler) {
    setEventHandler("icegatheringstatechange", handler);
  }

  /**
   * Sets the {@code oniceconnectionstatechange} handler: it runs for each {@code
   * "iceconnectionstatechange"} event, never on a native thread. Replaces the previous handler, as
   * assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void oniceconnectionstatechange(EventHandler<Event> handler) {
    setEventHandler("iceconnectionstatechange", handler);
  }

  /**
   * Sets the {@code onconnectionstatechange} handler: it runs for each {@code
   * "connectionstatechange"} event, never on a native thread. Replaces the previous handler, as
   * assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onconnectionstatechange(EventHandler<Event> handler) {
    setEventHandler("connectionstatechange", handler);
  }

  /**
   * Sets the {@code onsignalingstatechange} handler: it runs for each {@code
   * "signalingstatechange"} event, never on a native thread. Replaces the previous handler, as
   * assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onsignalingstatechange(EventHandler<Event> handler) {
    setEventHandler("signalingstatechange", handler);
  }

  /**
   * Sets the {@code onnegotiationneeded} handler: it runs for each {@code "negotiationneeded"}
   * event, never on a native thread. Replaces the previous handler, as assignment does in JS; null
   * removes it.
   *
   * @param handler the handler, or null
   */
  public void onnegotiationneeded(EventHandler<Event> handler) {
    setEventHandler("negotiationneeded", handler);
  }

  /**
   * Sets the {@code ondatachannel} handler: it runs for each {@code "datachannel"} event, never on
   * a native thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void ondatachannel(EventHandler<RTCDataChannelEvent> handler) {
    setEventHandler("datachannel", handler);
  }

  // ---------------------------------------------------------------- internals

  /** The spec's conditions for firing negotiationneeded besides the flag. */
  private boolean negotiationNeededMayFire() {
    return !closed && !chain.isBusy() && signaling.state() == RTCSignalingState.STABLE;
  }

  /** Runs {@code task} on the queue unless the connection is closed by then. */
  void post(Runnable task) {
    delivery.post(task);
  }

  private void runOrHoldIceEvent(Runnable event) {
    signaling.runOrHoldIceEvent(event);
  }

  /** A channel the peer announced (libwebrtc's thread). */
  private void remoteDataChannel(DataChannelBridge channelBridge) {
    RTCDataChannel channel = new RTCDataChannel(this, channelBridge, queue, null, null);
    dataChannels.add(channel);
    delivery.post(
        () -> {
          // A channel announced by the peer arrived over an established association.
          transports.dataChannelOpened();
          channel.announce(() -> dispatchEvent(new RTCDataChannelEvent("datachannel", channel)));
        });
    // Only now: messages that raced ahead are queued behind the "datachannel" event.
    channel.attach();
  }

  @Override
  public String toString() {
    return "RTCPeerConnection[id="
        + id
        + ", signalingState="
        + signaling.state()
        + ", connectionState="
        + connectionState()
        + "]";
  }

  /** Exposed for tests in this package: the serial queue this connection dispatches on. */
  SerialEventQueue eventQueue() {
    return queue;
  }
}

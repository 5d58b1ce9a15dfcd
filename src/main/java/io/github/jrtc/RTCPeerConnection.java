package io.github.jrtc;

import io.github.jrtc.internal.bridge.DataChannelBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeFactory;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeObserver;
import io.github.jrtc.internal.jfr.JfrEvents;
import io.github.jrtc.internal.loop.EventQueueAccess;
import io.github.jrtc.internal.loop.Futures;
import io.github.jrtc.internal.loop.OperationsChain;
import io.github.jrtc.internal.loop.SerialEventQueue;
import io.github.jrtc.internal.sdp.CandidateParser;
import io.github.jrtc.internal.sdp.Descriptions;
import io.github.jrtc.internal.sdp.MediaSection;
import io.github.jrtc.internal.sdp.Sdp;
import io.github.jrtc.internal.sdp.SdpModelCache;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.spec.IceServerValidator;
import io.github.jrtc.internal.spec.UsvString;
import io.github.jrtc.internal.webrtcjava.NativeEngineBridgeFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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

  /** Re-checks a negotiationneeded that waited for a burst of changes to end. */
  private static final java.util.concurrent.ScheduledExecutorService RECHECK =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          io.github.jrtc.internal.loop.EventThreads.daemonFactory("jrtc-negotiation-"));

  /** libwebrtc's SCTP send limit; the remote's a=max-message-size can only lower it. */
  private static final long LOCAL_MAX_MESSAGE_SIZE = 262_144;

  /** libwebrtc's highest SCTP stream id (1024 streams). */
  private static final int MAX_SCTP_STREAM_ID = 1023;

  /** In-band ids come from one parity (even or odd): at most 512 can be allocated. */
  private static final int MAX_DATA_CHANNELS = 512;

  static {
    EventQueueAccess.register(RTCPeerConnection.class, RTCPeerConnection::eventQueue);
  }

  private final int id;
  private final SerialEventQueue queue;
  private final OperationsChain chain;
  private final PeerConnectionBridgeFactory factory;
  private final PeerConnectionBridge bridge;
  private final Object closeLock = new Object();
  private final List<RTCDataChannel> dataChannels = new CopyOnWriteArrayList<>();

  private volatile boolean closed;
  private volatile RTCConfiguration configuration;
  private volatile RTCSignalingState signalingState = RTCSignalingState.STABLE;
  private volatile RTCIceGatheringState iceGatheringState = RTCIceGatheringState.NEW;
  private volatile RTCIceConnectionState iceConnectionState = RTCIceConnectionState.NEW;
  private volatile RTCPeerConnectionState connectionState = RTCPeerConnectionState.NEW;
  private volatile Descriptions descriptions = Descriptions.NONE;
  private final Object descriptionsLock = new Object();
  private long localSequence;
  private long remoteSequence;

  // Touched only on the event queue or inside a chained operation (one at a time).
  private String lastCreatedOffer = "";
  private String lastCreatedAnswer = "";
  private int lastOfferGeneration = -1;
  private int lastAnswerGeneration = -1;
  private final AtomicInteger negotiationGeneration = new AtomicInteger();
  // Volatile: the chain reads it when it empties on a native thread (see OperationsChain).
  private volatile boolean negotiationNeeded;
  // libwebrtc's negotiation-needed reports, counted on its thread; the one that set the flag.
  private final java.util.concurrent.atomic.AtomicLong negotiationNeededRaised =
      new java.util.concurrent.atomic.AtomicLong();
  private long negotiationNeededRaisedAt; // event queue only
  // The JS "same task" guarantee, approximated for callers off the event queue: a burst of changes
  // (addTrack, createDataChannel, ...) made from another thread with gaps under QUIET_NANOS is one
  // task, so negotiationneeded waits until the burst went quiet. Changes made on the queue (in a
  // handler) need no delay: the event's own task runs after the handler's.
  static final long QUIET_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20);
  private volatile long lastOffQueueChange;
  private volatile boolean offQueueChangeSeen;
  private boolean recheckScheduled; // event queue only
  private final Set<Integer> remoteEndOfCandidates = ConcurrentHashMap.newKeySet();
  // m-line indexes whose local gathering finished (a=end-of-candidates in the local description).
  private final Set<Integer> localEndOfCandidates = ConcurrentHashMap.newKeySet();
  private String parsedRemoteSdp;

  /** The remote description parsed once per change: asked per candidate and per send. */
  private final SdpModelCache remoteModel = new SdpModelCache();

  // libwebrtc reports the first candidates before its setLocalDescription callback; the spec
  // surfaces them only after SLD resolved, so they wait here until then.
  private boolean settingLocalDescription;
  private final List<Runnable> heldCandidateEvents = new java.util.ArrayList<>();
  private List<MediaSection> parsedRemoteSections = List.of();
  private final TransceiverRegistry transceivers;
  private final TransportRegistry transports = new TransportRegistry(this, MAX_DATA_CHANNELS);

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
    this.chain =
        new OperationsChain(
            queue, () -> closed, this::maybeFireNegotiationNeeded, () -> negotiationNeeded);
    this.bridge = factory.create(config, new BridgeEvents(), this);
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
    return chain.chain(
        "createOffer",
        () -> {
          RTCSignalingState s = signalingState;
          if (s != RTCSignalingState.STABLE && s != RTCSignalingState.HAVE_LOCAL_OFFER) {
            return failed(Errors.invalidState("Cannot create an offer in signaling state " + s));
          }
          int generation = negotiationGeneration.get();
          // Runs on the signaling thread, inside this chained operation: nothing else touches
          // these fields until the chain moves on (from the queue, after the promise settled).
          return bridge
              .createOffer(opts)
              .thenApply(
                  offer -> {
                    lastCreatedOffer = offer.sdp();
                    lastOfferGeneration = generation;
                    return offer;
                  });
        },
        // The spec's last step: a transceiver, track or channel added while the offer was being
        // made (var p = pc.createOffer(); pc.addTransceiver("audio")) is in the offer.
        () -> lastOfferGeneration != negotiationGeneration.get());
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
    return chain.chain(
        "createAnswer",
        () -> {
          RTCSignalingState s = signalingState;
          if (s != RTCSignalingState.HAVE_REMOTE_OFFER
              && s != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
            return failed(
                Errors.invalidState(
                    "Cannot create an answer in signaling state "
                        + s
                        + ": it needs have-remote-offer or have-local-pranswer"));
          }
          int generation = negotiationGeneration.get();
          return bridge
              .createAnswer(opts)
              .thenApply(
                  answer -> {
                    lastCreatedAnswer = answer.sdp();
                    lastAnswerGeneration = generation;
                    return answer;
                  });
        });
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
    return legacy(createOffer(options), successCallback, failureCallback);
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
    return legacy(createAnswer(), successCallback, failureCallback);
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
    return legacy(setLocalDescription(description), v -> successCallback.run(), failureCallback);
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
    return legacy(setRemoteDescription(description), v -> successCallback.run(), failureCallback);
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
    return legacy(addIceCandidate(candidate), v -> successCallback.run(), failureCallback);
  }

  private static <T> CompletableFuture<Void> legacy(
      CompletableFuture<T> promise, Consumer<T> success, Consumer<DOMException> failure) {
    return promise.handle(
        (value, error) -> {
          if (error == null) {
            if (success != null) {
              success.accept(value);
            }
          } else if (failure != null) {
            failure.accept(asDomException(error));
          }
          return null;
        });
  }

  private static DOMException asDomException(Throwable error) {
    Throwable e = error;
    while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof DOMException d) {
      return d;
    }
    String name = e instanceof TypeError ? "TypeError" : "OperationError";
    return new DOMException(String.valueOf(e.getMessage()), name);
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
    return chain.chain("setLocalDescription", () -> applyLocal(description));
  }

  private CompletableFuture<Void> applyLocal(RTCSessionDescriptionInit description) {
    RTCSignalingState state = signalingState;
    RTCSdpType type = description == null ? null : description.type();
    String sdp = description == null ? "" : description.sdp();
    if (type == null) {
      type =
          state == RTCSignalingState.STABLE
                  || state == RTCSignalingState.HAVE_LOCAL_OFFER
                  || state == RTCSignalingState.HAVE_REMOTE_PRANSWER
              ? RTCSdpType.OFFER
              : RTCSdpType.ANSWER;
    }
    switch (type) {
      case ROLLBACK -> {
        // Only the side that made the offer rolls it back (WPT -setLocalDescription-rollback).
        if (state != RTCSignalingState.HAVE_LOCAL_OFFER) {
          return failed(
              Errors.invalidState(
                  "setLocalDescription(rollback) needs have-local-offer, not " + state));
        }
        return applyNative(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, ""), true);
      }
      case OFFER -> {
        if (state != RTCSignalingState.STABLE && state != RTCSignalingState.HAVE_LOCAL_OFFER) {
          return failed(
              Errors.invalidState("Cannot set a local offer in signaling state " + state));
        }
        if (sdp.isEmpty()) {
          if (!lastCreatedOffer.isEmpty() && lastOfferGeneration == negotiationGeneration.get()) {
            return applyNative(
                new RTCSessionDescriptionInit(RTCSdpType.OFFER, lastCreatedOffer), true);
          }
          int generation = negotiationGeneration.get();
          return bridge
              .createOffer(new RTCOfferOptions())
              .thenCompose(
                  offer ->
                      onQueue(
                          CompletableFuture.completedFuture(offer),
                          o -> {
                            lastCreatedOffer = o.sdp();
                            lastOfferGeneration = generation;
                            return o;
                          }))
              .thenCompose(offer -> applyNative(offer, true));
        }
        if (!sdp.equals(lastCreatedOffer)) {
          return failed(
              Errors.invalidModification(
                  "The SDP does not match the last offer created by this connection"));
        }
        return applyNative(new RTCSessionDescriptionInit(type, sdp), true);
      }
      default -> {
        if (state != RTCSignalingState.HAVE_REMOTE_OFFER
            && state != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
          return failed(
              Errors.invalidState("Cannot set a local " + type + " in signaling state " + state));
        }
        if (sdp.isEmpty()) {
          if (!lastCreatedAnswer.isEmpty() && lastAnswerGeneration == negotiationGeneration.get()) {
            return applyNative(new RTCSessionDescriptionInit(type, lastCreatedAnswer), true);
          }
          int generation = negotiationGeneration.get();
          RTCSdpType finalType = type;
          return bridge
              .createAnswer(new RTCAnswerOptions())
              .thenCompose(
                  answer ->
                      onQueue(
                          CompletableFuture.completedFuture(answer),
                          a -> {
                            lastCreatedAnswer = a.sdp();
                            lastAnswerGeneration = generation;
                            return a;
                          }))
              .thenCompose(
                  answer ->
                      applyNative(new RTCSessionDescriptionInit(finalType, answer.sdp()), true));
        }
        if (!sdp.equals(lastCreatedAnswer)) {
          return failed(
              Errors.invalidModification(
                  "The SDP does not match the last answer created by this connection"));
        }
        return applyNative(new RTCSessionDescriptionInit(type, sdp), true);
      }
    }
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
    return chain.chain("setRemoteDescription", () -> applyRemote(description));
  }

  private CompletableFuture<Void> applyRemote(RTCSessionDescriptionInit description) {
    RTCSignalingState state = signalingState;
    RTCSdpType type = description.type();
    switch (type) {
      case ROLLBACK -> {
        // Only the side that received the offer rolls it back (WPT -setRemoteDescription-rollback).
        if (state != RTCSignalingState.HAVE_REMOTE_OFFER) {
          return failed(
              Errors.invalidState(
                  "setRemoteDescription(rollback) needs have-remote-offer, not " + state));
        }
        return applyNative(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, ""), false);
      }
      case OFFER -> {
        if (state == RTCSignalingState.HAVE_LOCAL_OFFER) {
          // Implicit rollback: signalingstatechange fires for stable, then have-remote-offer.
          return applyNative(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, ""), true)
              .thenCompose(v -> applyNative(description, false));
        }
        if (state != RTCSignalingState.STABLE && state != RTCSignalingState.HAVE_REMOTE_OFFER) {
          return failed(
              Errors.invalidState("Cannot set a remote offer in signaling state " + state));
        }
        return applyNative(description, false);
      }
      default -> {
        if (state != RTCSignalingState.HAVE_LOCAL_OFFER
            && state != RTCSignalingState.HAVE_REMOTE_PRANSWER) {
          return failed(
              Errors.invalidState("Cannot set a remote " + type + " in signaling state " + state));
        }
        return applyNative(description, false);
      }
    }
  }

  /** Applies a description natively, then updates state and fires events on the queue. */
  private CompletableFuture<Void> applyNative(RTCSessionDescriptionInit d, boolean local) {
    if (local) {
      queue.execute(() -> settingLocalDescription = true);
    }
    long raisedBefore = negotiationNeededRaised.get();
    CompletableFuture<Descriptions> nativeResult =
        local ? bridge.setLocalDescription(d) : bridge.setRemoteDescription(d);
    CompletableFuture<Void> applied =
        onQueue(
            nativeResult,
            snapshot -> {
              descriptionApplied(d.type(), local, snapshot, raisedBefore);
              return null;
            });
    if (local) {
      // Held candidate events go out in a task queued once the SLD promise has settled (its
      // callbacks, which send the offer, ran first). Hooked on the chain, not on `applied`: when
      // SLD is called off the queue, `applied` can settle before the chain sees it, and a release
      // tied to it would then fire candidates before the promise resolves.
      chain.afterSettled(this::releaseHeldCandidates);
    }
    return applied;
  }

  private void releaseHeldCandidates() {
    settingLocalDescription = false;
    List<Runnable> held = new java.util.ArrayList<>(heldCandidateEvents);
    heldCandidateEvents.clear();
    for (Runnable r : held) {
      if (!closed) {
        r.run();
      }
    }
  }

  /**
   * @param raisedBefore how many negotiation-needed reports libwebrtc had made before this
   *     description was handed to it: those are answered by this exchange; a later one (libwebrtc
   *     raises it while applying an answer that left something to negotiate, before its callback)
   *     is not.
   */
  private void descriptionApplied(
      RTCSdpType type, boolean local, Descriptions snapshot, long raisedBefore) {
    RTCSignalingState next =
        switch (type) {
          case OFFER ->
              local ? RTCSignalingState.HAVE_LOCAL_OFFER : RTCSignalingState.HAVE_REMOTE_OFFER;
          case PRANSWER ->
              local
                  ? RTCSignalingState.HAVE_LOCAL_PRANSWER
                  : RTCSignalingState.HAVE_REMOTE_PRANSWER;
          case ANSWER, ROLLBACK -> RTCSignalingState.STABLE;
        };
    if (!local && type != RTCSdpType.ROLLBACK) {
      remoteEndOfCandidates.clear();
    }
    updateDescriptions(snapshot, true, true);
    negotiationGeneration.incrementAndGet();
    if (negotiationNeededRaisedAt <= raisedBefore) {
      negotiationNeeded = false;
    }
    RTCSignalingState previous = signalingState;
    signalingState = next;
    if (previous != next) {
      JfrEvents.stateChanged(id, "signaling", previous, next);
      dispatchEvent(new Event("signalingstatechange"));
    }
    if (!closed) {
      Descriptions d = descriptions;
      transceivers.afterDescription(type, local, d.local(), d.remote());
    }
  }

  /**
   * Takes the parts of a snapshot that are newer than what is cached. Local and remote sides are
   * ordered separately: addIceCandidate only reports the remote side.
   */
  private void updateDescriptions(Descriptions d, boolean takeLocal, boolean takeRemote) {
    if (closed) {
      return;
    }
    synchronized (descriptionsLock) {
      Descriptions cached = descriptions;
      boolean local = takeLocal && d.sequence() >= localSequence;
      boolean remote = takeRemote && d.sequence() >= remoteSequence;
      if (local) {
        localSequence = d.sequence();
      }
      if (remote) {
        remoteSequence = d.sequence();
      }
      descriptions =
          new Descriptions(
              local ? withLocalEndOfCandidates(d.currentLocal()) : cached.currentLocal(),
              local ? withLocalEndOfCandidates(d.pendingLocal()) : cached.pendingLocal(),
              remote ? withEndOfCandidates(d.currentRemote()) : cached.currentRemote(),
              remote ? withEndOfCandidates(d.pendingRemote()) : cached.pendingRemote(),
              Math.max(localSequence, remoteSequence));
    }
  }

  /** Re-applies end-of-candidates markers to the cached remote descriptions. */
  private void markEndOfCandidates() {
    changeRemoteDescriptions(this::withEndOfCandidates);
  }

  /** Applies {@code change} to the cached current and pending remote descriptions. */
  private void changeRemoteDescriptions(UnaryOperator<RTCSessionDescription> change) {
    synchronized (descriptionsLock) {
      Descriptions c = descriptions;
      descriptions =
          new Descriptions(
              c.currentLocal(),
              c.pendingLocal(),
              change.apply(c.currentRemote()),
              change.apply(c.pendingRemote()),
              c.sequence());
    }
  }

  /** Applies {@code change} to the cached current and pending local descriptions. */
  private void changeLocalDescriptions(UnaryOperator<RTCSessionDescription> change) {
    synchronized (descriptionsLock) {
      Descriptions c = descriptions;
      descriptions =
          new Descriptions(
              change.apply(c.currentLocal()),
              change.apply(c.pendingLocal()),
              c.currentRemote(),
              c.pendingRemote(),
              c.sequence());
    }
  }

  private RTCSessionDescription withLocalEndOfCandidates(RTCSessionDescription d) {
    return d == null || localEndOfCandidates.isEmpty()
        ? d
        : new RTCSessionDescription(
            d.type(), Sdp.withEndOfCandidates(d.sdp(), localEndOfCandidates));
  }

  private RTCSessionDescription withEndOfCandidates(RTCSessionDescription d) {
    return d == null || remoteEndOfCandidates.isEmpty()
        ? d
        : new RTCSessionDescription(
            d.type(), Sdp.withEndOfCandidates(d.sdp(), remoteEndOfCandidates));
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
    return descriptions.local();
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
    return descriptions.currentLocal();
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
    return descriptions.pendingLocal();
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
    return descriptions.remote();
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
    return descriptions.currentRemote();
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
    return descriptions.pendingRemote();
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
    return chain.chain("addIceCandidate", () -> applyCandidate(c));
  }

  private CompletableFuture<Void> applyCandidate(RTCIceCandidateInit c) {
    RTCSessionDescription remote = descriptions.remote();
    if (remote == null) {
      return failed(
          Errors.invalidState("Cannot add an ICE candidate before a remote description is set"));
    }
    List<MediaSection> sections = remoteSections(remote.sdp());
    MediaSection target = null;
    if (c.sdpMid() != null) {
      for (MediaSection s : sections) {
        if (c.sdpMid().equals(s.mid())) {
          target = s;
          break;
        }
      }
      if (target == null) {
        return failed(Errors.operation("No m-section with mid '" + c.sdpMid() + "'"));
      }
    } else if (c.sdpMLineIndex() != null) {
      if (c.sdpMLineIndex() < 0 || c.sdpMLineIndex() >= sections.size()) {
        return failed(Errors.operation("sdpMLineIndex " + c.sdpMLineIndex() + " is out of range"));
      }
      target = sections.get(c.sdpMLineIndex());
    }
    String ufrag = c.usernameFragment();
    if (ufrag != null && !ufragKnown(ufrag, target, sections)) {
      return failed(Errors.operation("Unknown usernameFragment '" + ufrag + "'"));
    }
    if (c.candidate().isEmpty()) {
      if (target == null) {
        for (MediaSection s : sections) {
          remoteEndOfCandidates.add(s.index());
        }
      } else {
        remoteEndOfCandidates.add(target.index());
      }
      markEndOfCandidates();
      return CompletableFuture.completedFuture(null);
    }
    if (!CandidateParser.isValid(c.candidate())) {
      return failed(Errors.operation("The ICE candidate could not be parsed: " + c.candidate()));
    }
    try {
      bridge.addIceCandidate(
          new RTCIceCandidateInit(c.candidate(), target.mid(), target.index(), ufrag));
    } catch (DOMException e) {
      return failed(e);
    }
    addRemoteCandidate(target, c.candidate());
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The spec adds an accepted candidate to [[CurrentRemoteDescription]] and
   * [[PendingRemoteDescription]]: as its {@code a=} line in the m-section it names, kept here
   * rather than read back from libwebrtc (two more blocking signaling-thread calls per candidate,
   * on the connect's critical path). The next description libwebrtc reports replaces both.
   */
  private void addRemoteCandidate(MediaSection target, String candidate) {
    changeRemoteDescriptions(d -> withCandidate(d, target, candidate));
  }

  private static RTCSessionDescription withCandidate(
      RTCSessionDescription d, MediaSection target, String candidate) {
    if (d == null) {
      return null;
    }
    String sdp = Sdp.withCandidate(d.sdp(), target.mid(), target.index(), candidate);
    return sdp.equals(d.sdp()) ? d : new RTCSessionDescription(d.type(), sdp);
  }

  private static boolean ufragKnown(String ufrag, MediaSection target, List<MediaSection> all) {
    if (target != null) {
      return ufrag.equals(target.iceUfrag());
    }
    for (MediaSection s : all) {
      if (ufrag.equals(s.iceUfrag())) {
        return true;
      }
    }
    return false;
  }

  private List<MediaSection> remoteSections(String sdp) {
    if (!sdp.equals(parsedRemoteSdp)) {
      parsedRemoteSections = Sdp.mediaSections(remoteModel.of(sdp));
      parsedRemoteSdp = sdp;
    }
    return parsedRemoteSections;
  }

  /**
   * Whether the remote peer can take trickled candidates: null before a remote description, else
   * whether it announced {@code a=ice-options:trickle}.
   *
   * @return true or false, or null before a remote description
   */
  public Boolean canTrickleIceCandidates() {
    RTCSessionDescription remote = descriptions.remote();
    if (remote == null) {
      return null;
    }
    return remoteModel.of(remote.sdp()).offersTrickle();
  }

  /**
   * Asks for an ICE restart at the next offer; fires negotiationneeded. Before the first local
   * description there are no ICE credentials to replace, so it does nothing (the spec's
   * [[LocalIceCredentialsToReplace]] stays empty; libwebrtc would still renegotiate afterwards).
   */
  public void restartIce() {
    if (closed || descriptions.local() == null) {
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
    return signalingState;
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
    return iceGatheringState;
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
    return iceConnectionState;
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
    return connectionState;
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
    // JS converts the label with ToString (null -> "null") and both strings as USVString.
    String l = UsvString.of(label == null ? "null" : label);
    RTCDataChannelInit given = init == null ? new RTCDataChannelInit() : init;
    checkUnsignedShort("maxPacketLifeTime", given.maxPacketLifeTime());
    checkUnsignedShort("maxRetransmits", given.maxRetransmits());
    checkUnsignedShort("id", given.id());
    // The id is only used for negotiated channels; in-band ones get theirs from the DTLS role.
    RTCDataChannelInit options =
        given.toBuilder()
            .protocol(UsvString.of(given.protocol()))
            .id(given.negotiated() ? given.id() : null)
            .build();
    if (l.getBytes(StandardCharsets.UTF_8).length > 65535) {
      throw new TypeError("The label is longer than 65535 bytes");
    }
    if (options.protocol().getBytes(StandardCharsets.UTF_8).length > 65535) {
      throw new TypeError("The protocol is longer than 65535 bytes");
    }
    if (options.negotiated() && options.id() == null) {
      throw new TypeError("A negotiated data channel needs an id");
    }
    if (options.maxPacketLifeTime() != null && options.maxRetransmits() != null) {
      throw new TypeError("maxPacketLifeTime and maxRetransmits cannot both be set");
    }
    if (options.id() != null && options.id() == 65535) {
      throw new TypeError("65535 is not a valid data channel id");
    }
    // webrtc-java 0.14.0 aborts the JVM whenever libwebrtc refuses a channel (it formats the
    // error with a string_view through varargs), so every refusal libwebrtc can make is decided
    // here first: stream ids above 1023, ids in use, and running out of ids.
    if (options.id() != null && options.id() > MAX_SCTP_STREAM_ID) {
      throw Errors.operation(
          "Data channel id "
              + options.id()
              + " is above libwebrtc's limit of "
              + MAX_SCTP_STREAM_ID
              + " (as in Chrome)");
    }
    if (dataChannels.size() >= MAX_DATA_CHANNELS) {
      throw Errors.operation("No data channel id is left (limit " + MAX_DATA_CHANNELS + ")");
    }
    if (options.id() != null) {
      for (RTCDataChannel existing : dataChannels) {
        if (options.id().equals(existing.id())) {
          throw Errors.operation("Data channel id " + options.id() + " is already in use");
        }
      }
    }
    noteChange();
    DataChannelBridge channelBridge = bridge.createDataChannel(l, options);
    RTCDataChannel channel = new RTCDataChannel(this, channelBridge, queue, l, options);
    dataChannels.add(channel);
    negotiationGeneration.incrementAndGet();
    noteChange();
    channel.attach();
    // Over an established SCTP association libwebrtc opens a channel inside createDataChannel,
    // before any observer could see it: announce it, asynchronously as the spec does.
    post(channel::announceIfOpen);
    return channel;
  }

  private static void checkUnsignedShort(String name, Integer value) {
    if (value != null && (value < 0 || value > 65535)) {
      throw new TypeError(name + " must be between 0 and 65535, was " + value);
    }
  }

  /** The largest message {@link RTCDataChannel#send} accepts; 0 means no limit. */
  long maxMessageSize() {
    RTCSessionDescription remote = descriptions.remote();
    long remoteMax = 65536;
    if (remote != null) {
      Long announced = remoteModel.of(remote.sdp()).maxMessageSize();
      if (announced != null) {
        remoteMax = announced;
      }
    }
    return remoteMax == 0 ? LOCAL_MAX_MESSAGE_SIZE : Math.min(remoteMax, LOCAL_MAX_MESSAGE_SIZE);
  }

  void forget(RTCDataChannel channel) {
    dataChannels.remove(channel);
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
    for (RTCDataChannel c : dataChannels) {
      if (c.readyState() == RTCDataChannelState.OPEN) {
        return true;
      }
    }
    return false;
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
    negotiationGeneration.incrementAndGet();
    noteChange();
  }

  /**
   * Remembers when a caller off the event queue last changed what the next offer holds. Called
   * before the native call too: libwebrtc raises negotiation-needed on its own thread while that
   * call is still returning.
   */
  void noteChange() {
    if (!queue.isCurrent()) {
      lastOffQueueChange = System.nanoTime();
      offQueueChangeSeen = true;
    }
  }

  <T> CompletableFuture<T> chainOperation(
      String kind, java.util.function.Supplier<CompletableFuture<T>> operation) {
    return chain.chain(kind, operation);
  }

  <T> CompletableFuture<T> rejectOnQueue(Throwable error) {
    return chain.rejectLater(new CompletableFuture<>(), error);
  }

  <T> CompletableFuture<T> completeOnQueue(CompletableFuture<T> nativeFuture) {
    return onQueue(nativeFuture, Function.identity());
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
    return onQueue(bridge.getStats(), Function.identity());
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
    JfrEvents.stateChanged(id, "signaling", signalingState, RTCSignalingState.CLOSED);
    JfrEvents.stateChanged(id, "iceConnection", iceConnectionState, RTCIceConnectionState.CLOSED);
    JfrEvents.stateChanged(id, "connection", connectionState, RTCPeerConnectionState.CLOSED);
    signalingState = RTCSignalingState.CLOSED;
    iceConnectionState = RTCIceConnectionState.CLOSED;
    connectionState = RTCPeerConnectionState.CLOSED;
    for (RTCDataChannel channel : dataChannels) {
      channel.closeWithConnection();
    }
    transceivers.closeAll();
    transports.closeAll();
    dataChannels.clear();
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

  /**
   * Runs {@code then} on the event queue once the native future settles. libwebrtc sometimes
   * settles during the call that started it (the proxy call is synchronous): then this still hops,
   * so nothing fires inside the user's call.
   */
  private <T, R> CompletableFuture<R> onQueue(
      CompletableFuture<T> nativeFuture, Function<T, R> then) {
    CompletableFuture<R> out = new CompletableFuture<>();
    boolean settledAlready = nativeFuture.isDone();
    Futures.onComplete(
        nativeFuture,
        (value, error) -> {
          Runnable deliver =
              () -> {
                if (closed) {
                  return;
                }
                if (error != null) {
                  out.completeExceptionally(error);
                  return;
                }
                try {
                  out.complete(then.apply(value));
                } catch (RuntimeException e) {
                  out.completeExceptionally(e);
                }
              };
          if (!settledAlready && queue.isCurrent()) {
            deliver.run();
          } else {
            queue.execute(deliver);
          }
        });
    return out;
  }

  private static <T> CompletableFuture<T> failed(Throwable error) {
    return CompletableFuture.failedFuture(error);
  }

  private void maybeFireNegotiationNeeded() {
    if (closed || !negotiationNeeded || chain.isBusy()) {
      return;
    }
    if (signalingState != RTCSignalingState.STABLE) {
      return;
    }
    if (offQueueChangeSeen) {
      long quietFor = System.nanoTime() - lastOffQueueChange;
      if (quietFor < QUIET_NANOS) {
        if (!recheckScheduled) {
          recheckScheduled = true;
          java.util.concurrent.ScheduledFuture<?> unused =
              RECHECK.schedule(
                  () ->
                      post(
                          () -> {
                            recheckScheduled = false;
                            maybeFireNegotiationNeeded();
                          }),
                  QUIET_NANOS - quietFor,
                  java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        return;
      }
    }
    negotiationNeeded = false;
    dispatchEvent(new Event("negotiationneeded"));
  }

  /** Runs {@code task} on the queue unless the connection is closed by then. */
  void post(Runnable task) {
    queue.execute(
        () -> {
          if (!closed) {
            task.run();
          }
        });
  }

  /**
   * Gathering finished: an icecandidate event with an empty candidate for each transport (the first
   * m-section of the BUNDLE group, and each m-section outside it), and a=end-of-candidates in the
   * local description's sections from now on.
   */
  private void fireEndOfCandidates() {
    RTCSessionDescription local = descriptions.local();
    if (local == null) {
      return;
    }
    List<MediaSection> sections = Sdp.mediaSections(local.sdp());
    List<String> bundle =
        io.github.jrtc.internal.sdp.SessionDescriptionModel.parse(local.sdp()).bundleGroup();
    boolean bundleAnnounced = false;
    for (MediaSection s : sections) {
      localEndOfCandidates.add(s.index());
    }
    changeLocalDescriptions(this::withLocalEndOfCandidates);
    for (MediaSection s : sections) {
      if (s.mid() != null && bundle.contains(s.mid())) {
        if (bundleAnnounced) {
          continue;
        }
        bundleAnnounced = true;
      }
      if (closed) {
        return;
      }
      dispatchEvent(
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
      localEndOfCandidates.clear();
    }
    JfrEvents.stateChanged(id, "iceGathering", iceGatheringState, state);
    iceGatheringState = state;
    transports.iceGatheringState(state);
    dispatchEvent(new Event("icegatheringstatechange"));
    if (state == RTCIceGatheringState.COMPLETE && !closed) {
      dispatchEvent(new RTCPeerConnectionIceEvent("icecandidate", null, null));
    }
  }

  private final class BridgeEvents implements PeerConnectionBridgeObserver {
    @Override
    public void onIceCandidate(RTCIceCandidateInit candidate, String url, Descriptions snapshot) {
      post(
          () -> {
            Runnable fire =
                () -> {
                  updateDescriptions(snapshot, true, false);
                  dispatchEvent(
                      new RTCPeerConnectionIceEvent(
                          "icecandidate", new RTCIceCandidate(candidate), url));
                };
            if (settingLocalDescription) {
              heldCandidateEvents.add(fire);
            } else {
              fire.run();
            }
          });
    }

    @Override
    public void onIceCandidateError(
        String address, Integer port, String url, int code, String text) {
      post(
          () ->
              dispatchEvent(
                  new RTCPeerConnectionIceErrorEvent(
                      "icecandidateerror", address, port, url, code, text)));
    }

    @Override
    public void onIceGatheringStateChange(RTCIceGatheringState state, Descriptions snapshot) {
      post(
          () -> {
            Runnable fire =
                () -> {
                  if (iceGatheringState == state) {
                    return;
                  }
                  if (state == RTCIceGatheringState.COMPLETE) {
                    // webrtc-pc (w3c/webrtc-pc#2894): one task fires each transport's
                    // end-of-candidates (an empty candidate), the next the state changes and the
                    // final null candidate; webrtc-java reports neither candidate.
                    updateDescriptions(snapshot, true, false);
                    fireEndOfCandidates();
                    post(() -> gatheringStateChanged(state));
                  } else {
                    updateDescriptions(snapshot, true, false);
                    gatheringStateChanged(state);
                  }
                };
            if (settingLocalDescription) {
              heldCandidateEvents.add(fire);
            } else {
              fire.run();
            }
          });
    }

    @Override
    public void onIceConnectionStateChange(RTCIceConnectionState state) {
      post(
          () -> {
            if (iceConnectionState != state) {
              JfrEvents.stateChanged(id, "iceConnection", iceConnectionState, state);
              iceConnectionState = state;
              transports.iceConnectionState(state);
              dispatchEvent(new Event("iceconnectionstatechange"));
            }
          });
    }

    @Override
    public void onConnectionStateChange(RTCPeerConnectionState state) {
      post(
          () -> {
            if (connectionState != state) {
              JfrEvents.stateChanged(id, "connection", connectionState, state);
              connectionState = state;
              transports.connectionState(state);
              dispatchEvent(new Event("connectionstatechange"));
            }
          });
    }

    @Override
    public void onNegotiationNeeded() {
      long raised = negotiationNeededRaised.incrementAndGet();
      post(
          () -> {
            negotiationNeeded = true;
            negotiationNeededRaisedAt = raised;
            maybeFireNegotiationNeeded();
          });
    }

    @Override
    public void onDataChannel(DataChannelBridge channelBridge) {
      RTCDataChannel channel =
          new RTCDataChannel(RTCPeerConnection.this, channelBridge, queue, null, null);
      dataChannels.add(channel);
      post(
          () -> {
            // A channel announced by the peer arrived over an established association.
            transports.dataChannelOpened();
            channel.announce(() -> dispatchEvent(new RTCDataChannelEvent("datachannel", channel)));
          });
      // Only now: messages that raced ahead are queued behind the "datachannel" event.
      channel.attach();
    }
  }

  @Override
  public String toString() {
    return "RTCPeerConnection[id="
        + id
        + ", signalingState="
        + signalingState
        + ", connectionState="
        + connectionState
        + "]";
  }

  /** Exposed for tests in this package: the serial queue this connection dispatches on. */
  SerialEventQueue eventQueue() {
    return queue;
  }
}

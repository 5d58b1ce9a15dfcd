package io.github.jrtc;

import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.jfr.JfrEvents;
import io.github.jrtc.internal.loop.OperationsChain;
import io.github.jrtc.internal.loop.QueueDelivery;
import io.github.jrtc.internal.sdp.DescriptionState;
import io.github.jrtc.internal.sdp.Descriptions;
import io.github.jrtc.internal.spec.Errors;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The spec's signaling state machine: which offer/answer step is allowed in which state, the last
 * created offer and answer (what a parameterless setLocalDescription applies), applying a
 * description through libwebrtc and moving to the next state, and holding ICE events libwebrtc
 * reports while a local description is being set.
 *
 * <p>Threads: the operation bodies ({@link #createOffer}, {@link #setLocal}, ...) run inside the
 * operations chain, one at a time; the rest runs on the event queue.
 */
final class SignalingMachine {
  /** What applying a description does beyond this machine (on the queue). */
  interface Listener {
    /** The state changed; fires "signalingstatechange". */
    void signalingStateChanged(RTCSignalingState previous, RTCSignalingState next);

    /** A description was applied and the state moved (transceivers, transports, tracks). */
    void descriptionApplied(RTCSdpType type, boolean local, Descriptions now);
  }

  private final long connection;
  private final PeerConnectionBridge bridge;
  private final OperationsChain chain;
  private final Executor queue;
  private final QueueDelivery delivery;
  private final DescriptionState descriptions;
  private final NegotiationNeeded negotiation;
  private final BooleanSupplier closed;
  private final Listener listener;

  private volatile RTCSignalingState state = RTCSignalingState.STABLE;

  // Touched only on the event queue or inside a chained operation (one at a time).
  private String lastCreatedOffer = "";
  private String lastCreatedAnswer = "";
  private int lastOfferGeneration = -1;
  private int lastAnswerGeneration = -1;
  // Counts changes to what the next offer holds: a stored offer/answer of an older one is stale.
  private final AtomicInteger generation = new AtomicInteger();

  // libwebrtc reports the first candidates before its setLocalDescription callback; the spec
  // surfaces them only after SLD resolved, so they wait here until then. Event queue only.
  private boolean settingLocalDescription;
  private final List<Runnable> heldIceEvents = new ArrayList<>();

  /**
   * @param connection the connection's per-JVM id (JFR events)
   */
  SignalingMachine(
      long connection,
      PeerConnectionBridge bridge,
      OperationsChain chain,
      Executor queue,
      QueueDelivery delivery,
      DescriptionState descriptions,
      NegotiationNeeded negotiation,
      BooleanSupplier closed,
      Listener listener) {
    this.connection = connection;
    this.bridge = bridge;
    this.chain = chain;
    this.queue = queue;
    this.delivery = delivery;
    this.descriptions = descriptions;
    this.negotiation = negotiation;
    this.closed = closed;
    this.listener = listener;
  }

  RTCSignalingState state() {
    return state;
  }

  /** The connection closed: the state is "closed", without an event. */
  void close() {
    JfrEvents.stateChanged(connection, "signaling", state, RTCSignalingState.CLOSED);
    state = RTCSignalingState.CLOSED;
  }

  /** Something that changes the next offer happened: a stored offer/answer is outdated. */
  void connectionChanged() {
    generation.incrementAndGet();
  }

  /** The createOffer operation. */
  CompletableFuture<RTCSessionDescriptionInit> createOffer(RTCOfferOptions options) {
    RTCSignalingState s = state;
    if (s != RTCSignalingState.STABLE && s != RTCSignalingState.HAVE_LOCAL_OFFER) {
      return failed(Errors.invalidState("Cannot create an offer in signaling state " + s));
    }
    int startedAt = generation.get();
    // Runs on the signaling thread, inside this chained operation: nothing else touches these
    // fields until the chain moves on (from the queue, after the promise settled).
    return bridge
        .createOffer(options)
        .thenApply(
            offer -> {
              lastCreatedOffer = offer.sdp();
              lastOfferGeneration = startedAt;
              return offer;
            });
  }

  /**
   * The spec's last step of createOffer: a transceiver, track or channel added while the offer was
   * being made (var p = pc.createOffer(); pc.addTransceiver("audio")) is in the offer.
   */
  boolean offerOutdated() {
    return lastOfferGeneration != generation.get();
  }

  /** The createAnswer operation. */
  CompletableFuture<RTCSessionDescriptionInit> createAnswer(RTCAnswerOptions options) {
    RTCSignalingState s = state;
    if (s != RTCSignalingState.HAVE_REMOTE_OFFER && s != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
      return failed(
          Errors.invalidState(
              "Cannot create an answer in signaling state "
                  + s
                  + ": it needs have-remote-offer or have-local-pranswer"));
    }
    int startedAt = generation.get();
    return bridge
        .createAnswer(options)
        .thenApply(
            answer -> {
              lastCreatedAnswer = answer.sdp();
              lastAnswerGeneration = startedAt;
              return answer;
            });
  }

  /** The setLocalDescription operation; null means the parameterless form. */
  CompletableFuture<Void> setLocal(RTCSessionDescriptionInit description) {
    RTCSignalingState s = state;
    RTCSdpType type = description == null ? null : description.type();
    String sdp = description == null ? "" : description.sdp();
    if (type == null) {
      type =
          s == RTCSignalingState.STABLE
                  || s == RTCSignalingState.HAVE_LOCAL_OFFER
                  || s == RTCSignalingState.HAVE_REMOTE_PRANSWER
              ? RTCSdpType.OFFER
              : RTCSdpType.ANSWER;
    }
    switch (type) {
      case ROLLBACK -> {
        // Only the side that made the offer rolls it back (WPT -setLocalDescription-rollback).
        if (s != RTCSignalingState.HAVE_LOCAL_OFFER) {
          return failed(
              Errors.invalidState(
                  "setLocalDescription(rollback) needs have-local-offer, not " + s));
        }
        return apply(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, ""), true);
      }
      case OFFER -> {
        if (s != RTCSignalingState.STABLE && s != RTCSignalingState.HAVE_LOCAL_OFFER) {
          return failed(Errors.invalidState("Cannot set a local offer in signaling state " + s));
        }
        if (sdp.isEmpty()) {
          if (!lastCreatedOffer.isEmpty() && lastOfferGeneration == generation.get()) {
            return apply(new RTCSessionDescriptionInit(RTCSdpType.OFFER, lastCreatedOffer), true);
          }
          int startedAt = generation.get();
          return bridge
              .createOffer(new RTCOfferOptions())
              .thenCompose(
                  offer ->
                      delivery.deliver(
                          CompletableFuture.completedFuture(offer),
                          o -> {
                            lastCreatedOffer = o.sdp();
                            lastOfferGeneration = startedAt;
                            return o;
                          }))
              .thenCompose(offer -> apply(offer, true));
        }
        if (!sdp.equals(lastCreatedOffer)) {
          return failed(
              Errors.invalidModification(
                  "The SDP does not match the last offer created by this connection"));
        }
        return apply(new RTCSessionDescriptionInit(type, sdp), true);
      }
      default -> {
        if (s != RTCSignalingState.HAVE_REMOTE_OFFER
            && s != RTCSignalingState.HAVE_LOCAL_PRANSWER) {
          return failed(
              Errors.invalidState("Cannot set a local " + type + " in signaling state " + s));
        }
        if (sdp.isEmpty()) {
          if (!lastCreatedAnswer.isEmpty() && lastAnswerGeneration == generation.get()) {
            return apply(new RTCSessionDescriptionInit(type, lastCreatedAnswer), true);
          }
          int startedAt = generation.get();
          RTCSdpType finalType = type;
          return bridge
              .createAnswer(new RTCAnswerOptions())
              .thenCompose(
                  answer ->
                      delivery.deliver(
                          CompletableFuture.completedFuture(answer),
                          a -> {
                            lastCreatedAnswer = a.sdp();
                            lastAnswerGeneration = startedAt;
                            return a;
                          }))
              .thenCompose(
                  answer -> apply(new RTCSessionDescriptionInit(finalType, answer.sdp()), true));
        }
        if (!sdp.equals(lastCreatedAnswer)) {
          return failed(
              Errors.invalidModification(
                  "The SDP does not match the last answer created by this connection"));
        }
        return apply(new RTCSessionDescriptionInit(type, sdp), true);
      }
    }
  }

  /** The setRemoteDescription operation (the description has a type). */
  CompletableFuture<Void> setRemote(RTCSessionDescriptionInit description) {
    RTCSignalingState s = state;
    RTCSdpType type = description.type();
    switch (type) {
      case ROLLBACK -> {
        // Only the side that received the offer rolls it back (WPT -setRemoteDescription-rollback).
        if (s != RTCSignalingState.HAVE_REMOTE_OFFER) {
          return failed(
              Errors.invalidState(
                  "setRemoteDescription(rollback) needs have-remote-offer, not " + s));
        }
        return apply(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, ""), false);
      }
      case OFFER -> {
        if (s == RTCSignalingState.HAVE_LOCAL_OFFER) {
          // Implicit rollback: signalingstatechange fires for stable, then have-remote-offer.
          return apply(new RTCSessionDescriptionInit(RTCSdpType.ROLLBACK, ""), true)
              .thenCompose(v -> apply(description, false));
        }
        if (s != RTCSignalingState.STABLE && s != RTCSignalingState.HAVE_REMOTE_OFFER) {
          return failed(Errors.invalidState("Cannot set a remote offer in signaling state " + s));
        }
        return apply(description, false);
      }
      default -> {
        if (s != RTCSignalingState.HAVE_LOCAL_OFFER
            && s != RTCSignalingState.HAVE_REMOTE_PRANSWER) {
          return failed(
              Errors.invalidState("Cannot set a remote " + type + " in signaling state " + s));
        }
        return apply(description, false);
      }
    }
  }

  /**
   * Runs an ICE event libwebrtc reported (on the queue) now, or once the local description being
   * set has settled.
   */
  void runOrHoldIceEvent(Runnable event) {
    if (settingLocalDescription) {
      heldIceEvents.add(event);
    } else {
      event.run();
    }
  }

  /** Applies a description natively, then updates state and fires events on the queue. */
  private CompletableFuture<Void> apply(RTCSessionDescriptionInit d, boolean local) {
    if (local) {
      queue.execute(() -> settingLocalDescription = true);
    }
    long reportsBefore = negotiation.reportsSoFar();
    CompletableFuture<Descriptions> nativeResult =
        local ? bridge.setLocalDescription(d) : bridge.setRemoteDescription(d);
    CompletableFuture<Void> applied =
        delivery.deliver(
            nativeResult,
            snapshot -> {
              applied(d.type(), local, snapshot, reportsBefore);
              return null;
            });
    if (local) {
      // Held events go out in a task queued once the SLD promise has settled (its callbacks,
      // which send the offer, ran first). Hooked on the chain, not on `applied`: when SLD is
      // called off the queue, `applied` can settle before the chain sees it, and a release tied to
      // it would then fire candidates before the promise resolves.
      chain.afterSettled(this::releaseHeldIceEvents);
    }
    return applied;
  }

  private void releaseHeldIceEvents() {
    settingLocalDescription = false;
    List<Runnable> held = new ArrayList<>(heldIceEvents);
    heldIceEvents.clear();
    for (Runnable r : held) {
      if (!closed.getAsBoolean()) {
        r.run();
      }
    }
  }

  /**
   * @param reportsBefore how many negotiation-needed reports libwebrtc had made before this
   *     description was handed to it (see {@link NegotiationNeeded#descriptionApplied})
   */
  private void applied(RTCSdpType type, boolean local, Descriptions snapshot, long reportsBefore) {
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
      descriptions.remoteDescriptionReplaced();
    }
    descriptions.take(snapshot, true, true);
    generation.incrementAndGet();
    negotiation.descriptionApplied(reportsBefore);
    RTCSignalingState previous = state;
    state = next;
    if (previous != next) {
      JfrEvents.stateChanged(connection, "signaling", previous, next);
      listener.signalingStateChanged(previous, next);
    }
    if (!closed.getAsBoolean()) {
      listener.descriptionApplied(type, local, descriptions.current());
    }
  }

  private static <T> CompletableFuture<T> failed(Throwable error) {
    return CompletableFuture.failedFuture(error);
  }
}

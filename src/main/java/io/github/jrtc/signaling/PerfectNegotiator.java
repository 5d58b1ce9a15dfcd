package io.github.jrtc.signaling;

import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.RTCSignalingState;
import io.github.jrtc.internal.loop.EventQueueAccess;
import io.github.jrtc.internal.loop.Futures;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec's perfect negotiation example (webrtc-pc, "Perfect negotiation example"; MDN's
 * "Establishing a connection: perfect negotiation"), over any message transport. Both peers run the
 * same code; the polite one rolls its offer back on a collision, the impolite one ignores the
 * colliding offer. Not in the browser API: a helper, like aiortc's contrib.
 *
 * <pre>{@code
 * var negotiator = new PerfectNegotiator(pc, polite, msg -> signaling.send(msg.toJSON()));
 * signaling.onMessage(json -> negotiator.receive(NegotiationMessage.fromJSON(json)));
 * pc.addTrack(...); // or createDataChannel: negotiation just happens
 * }</pre>
 *
 * <p>It installs the connection's {@code onnegotiationneeded} and {@code onicecandidate} handlers.
 * Its state is only touched on the connection's event queue, as the JS example's state is only
 * touched on the event loop.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Perfect_negotiation">MDN</a>.
 */
public final class PerfectNegotiator {
  private static final Logger LOG = LoggerFactory.getLogger(PerfectNegotiator.class);

  private final RTCPeerConnection pc;
  private final boolean polite;
  private final Consumer<NegotiationMessage> send;
  private boolean makingOffer;
  private boolean ignoreOffer;
  private boolean isSettingRemoteAnswerPending;

  /**
   * Takes over {@code pc}'s negotiationneeded and icecandidate handlers.
   *
   * @param pc the connection to negotiate
   * @param polite whether this is the polite peer (it yields in an offer collision)
   * @param send sends a message to the other peer
   */
  public PerfectNegotiator(
      RTCPeerConnection pc, boolean polite, Consumer<NegotiationMessage> send) {
    this.pc = pc;
    this.polite = polite;
    this.send = send;
    pc.onnegotiationneeded(e -> onNegotiationNeeded());
    pc.onicecandidate(
        e ->
            send.accept(
                NegotiationMessage.ofCandidate(
                    e.candidate() == null ? null : e.candidate().toInit())));
  }

  /**
   * Whether this is the polite peer.
   *
   * @return true when polite
   */
  public boolean polite() {
    return polite;
  }

  private void onNegotiationNeeded() {
    makingOffer = true;
    Futures.onComplete(
        pc.setLocalDescription()
            .thenRun(
                () ->
                    send.accept(NegotiationMessage.ofDescription(pc.localDescription().toInit()))),
        (v, e) -> {
          if (e != null) {
            LOG.warn("Perfect negotiation: could not make an offer", e);
          }
          makingOffer = false;
        });
  }

  /**
   * Handles a message from the other peer. The future completes once it was applied (or ignored);
   * it fails only with errors the example would log.
   *
   * @param message what the other peer sent
   * @return completes once the message was handled
   */
  public CompletableFuture<Void> receive(NegotiationMessage message) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    EventQueueAccess.of(pc)
        .execute(
            () -> {
              CompletableFuture<Void> handled;
              try {
                handled = handle(message);
              } catch (RuntimeException e) {
                handled = CompletableFuture.failedFuture(e);
              }
              Futures.onComplete(
                  handled,
                  (v, e) -> {
                    if (e != null) {
                      LOG.warn("Perfect negotiation: message failed", e);
                      result.completeExceptionally(e);
                    } else {
                      result.complete(null);
                    }
                  });
            });
    return result;
  }

  private CompletableFuture<Void> handle(NegotiationMessage message) {
    if (message.isDescription()) {
      RTCSessionDescriptionInit description = message.description();
      boolean readyForOffer =
          !makingOffer
              && (pc.signalingState() == RTCSignalingState.STABLE || isSettingRemoteAnswerPending);
      boolean offerCollision = description.type() == RTCSdpType.OFFER && !readyForOffer;
      ignoreOffer = !polite && offerCollision;
      if (ignoreOffer) {
        return CompletableFuture.completedFuture(null);
      }
      isSettingRemoteAnswerPending = description.type() == RTCSdpType.ANSWER;
      return pc.setRemoteDescription(description)
          .thenCompose(
              v -> {
                isSettingRemoteAnswerPending = false;
                if (description.type() != RTCSdpType.OFFER) {
                  return CompletableFuture.completedFuture(null);
                }
                return pc.setLocalDescription()
                    .thenRun(
                        () ->
                            send.accept(
                                NegotiationMessage.ofDescription(pc.localDescription().toInit())));
              });
    }
    if (message.candidate() == null) {
      return CompletableFuture.completedFuture(null);
    }
    boolean ignoring = ignoreOffer;
    return pc.addIceCandidate(message.candidate())
        .exceptionally(
            e -> {
              if (!ignoring) {
                throw e instanceof RuntimeException r ? r : new RuntimeException(e);
              }
              return null;
            });
  }
}

package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionIceErrorEvent;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import io.github.jrtc.RTCAnswerOptions;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCDataChannelInit;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCIceConnectionState;
import io.github.jrtc.RTCIceGatheringState;
import io.github.jrtc.RTCOfferOptions;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.RTCSdpType;
import io.github.jrtc.RTCSessionDescriptionInit;
import io.github.jrtc.RTCStatsReport;
import io.github.jrtc.internal.bridge.DataChannelBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridge;
import io.github.jrtc.internal.bridge.PeerConnectionBridgeObserver;
import io.github.jrtc.internal.bridge.TrackSource;
import io.github.jrtc.internal.bridge.TransceiverBridge;
import io.github.jrtc.internal.jni.NativeCallbacks;
import io.github.jrtc.internal.sdp.CandidateParser;
import io.github.jrtc.internal.sdp.Descriptions;
import io.github.jrtc.internal.spec.Errors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PeerConnectionBridge} over webrtc-java. Every native callback is guarded, copies what it
 * needs and returns at once; synchronous native failures ({@code java.lang.Error} for bad SDP,
 * runtime exceptions with libwebrtc's "[TYPE] message") become DOMExceptions.
 */
final class NativePeerConnectionBridge implements PeerConnectionBridge {
  private static final Logger LOG = LoggerFactory.getLogger(NativePeerConnectionBridge.class);
  private static final long RETIRE_TIMEOUT_MS = 5000;

  // Assigned once creation returns; callbacks may run before that.
  private volatile RTCPeerConnection pc;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final NativeUseGuard use = new NativeUseGuard();
  private final NativeDependents dependents;
  private final NativeEngine engine;
  // One bridge per native transceiver (webrtc-java returns a new wrapper per call).
  private final java.util.Map<Long, NativeTransceiverBridge> transceivers =
      new java.util.concurrent.ConcurrentHashMap<>();

  NativePeerConnectionBridge(
      NativeEngine engine,
      PeerConnectionFactory factory,
      RTCConfiguration configuration,
      PeerConnectionBridgeObserver observer) {
    this.engine = engine;
    this.dependents = new NativeDependents(engine);
    RTCPeerConnection created =
        factory.createPeerConnection(
            NativeConversions.toNative(configuration), new NativeObserver(observer, this));
    if (created == null) {
      throw Errors.operation("libwebrtc could not create a peer connection");
    }
    this.pc = created;
  }

  private static final class NativeObserver implements PeerConnectionObserver {
    private final PeerConnectionBridgeObserver observer;
    private final NativePeerConnectionBridge owner;

    NativeObserver(PeerConnectionBridgeObserver observer, NativePeerConnectionBridge owner) {
      this.observer = observer;
      this.owner = owner;
    }

    @Override
    public void onIceCandidate(RTCIceCandidate c) {
      NativeCallbacks.guard(
          "onIceCandidate",
          () ->
              observer.onIceCandidate(
                  new RTCIceCandidateInit(c.sdp, c.sdpMid, c.sdpMLineIndex, ufragOf(c.sdp)),
                  c.serverUrl == null || c.serverUrl.isEmpty() ? null : c.serverUrl,
                  owner.localSnapshotOnSignalingThread()));
    }

    @Override
    public void onIceCandidateError(RTCPeerConnectionIceErrorEvent e) {
      NativeCallbacks.guard(
          "onIceCandidateError",
          () ->
              observer.onIceCandidateError(
                  e.getAddress(), e.getPort(), e.getUrl(), e.getErrorCode(), e.getErrorText()));
    }

    @Override
    public void onIceGatheringChange(dev.onvoid.webrtc.RTCIceGatheringState state) {
      NativeCallbacks.guard(
          "onIceGatheringChange",
          () ->
              observer.onIceGatheringStateChange(
                  NativeConversions.sameName(RTCIceGatheringState.class, state),
                  owner.localSnapshotOnSignalingThread()));
    }

    @Override
    public void onIceConnectionChange(dev.onvoid.webrtc.RTCIceConnectionState state) {
      NativeCallbacks.guard(
          "onIceConnectionChange",
          () ->
              observer.onIceConnectionStateChange(
                  NativeConversions.sameName(RTCIceConnectionState.class, state)));
    }

    @Override
    public void onConnectionChange(dev.onvoid.webrtc.RTCPeerConnectionState state) {
      NativeCallbacks.guard(
          "onConnectionChange",
          () ->
              observer.onConnectionStateChange(
                  NativeConversions.sameName(RTCPeerConnectionState.class, state)));
    }

    @Override
    public void onRenegotiationNeeded() {
      NativeCallbacks.guard("onRenegotiationNeeded", observer::onNegotiationNeeded);
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
      NativeCallbacks.guard(
          "onDataChannel",
          () -> {
            if (owner.closed.get()) {
              // Nobody will see it: give back the reference webrtc-java handed us.
              disposeQuietly(channel);
              return;
            }
            NativeDataChannelBridge bridge =
                new NativeDataChannelBridge(channel, owner.dependents, null);
            owner.dependents.add(bridge);
            observer.onDataChannel(bridge);
          });
    }
  }

  private static void disposeQuietly(RTCDataChannel channel) {
    try {
      channel.dispose();
    } catch (RuntimeException | Error e) {
      // Still referenced inside libwebrtc: dropping our reference is all we can do.
    }
  }

  /**
   * Lets wrappers of this connection's native objects (senders, receivers, transceivers) be
   * invalidated with it: after the native close, before the native connection is released.
   */
  void addDependent(NativeDependent dependent) {
    dependents.add(dependent);
  }

  void removeDependent(NativeDependent dependent) {
    dependents.remove(dependent);
  }

  /** Runs one native call, or fails with InvalidStateError once the connection is closed. */
  private <T> T call(java.util.function.Supplier<T> body) {
    return use.call(body);
  }

  private void run(Runnable body) {
    call(
        () -> {
          body.run();
          return null;
        });
  }

  /** libwebrtc puts the ufrag in the candidate line as the "ufrag" extension attribute. */
  static String ufragOf(String candidate) {
    CandidateParser.Parsed parsed = CandidateParser.parse(candidate);
    return parsed == null ? null : parsed.ufrag();
  }

  private CompletableFuture<RTCSessionDescriptionInit> sdpObserverFuture(
      java.util.function.Consumer<CreateSessionDescriptionObserver> call) {
    CompletableFuture<RTCSessionDescriptionInit> f = new CompletableFuture<>();
    CreateSessionDescriptionObserver o =
        new CreateSessionDescriptionObserver() {
          @Override
          public void onSuccess(dev.onvoid.webrtc.RTCSessionDescription d) {
            NativeCallbacks.guard(
                "CreateSessionDescription.onSuccess",
                () -> f.complete(NativeConversions.initFromNative(d)));
          }

          @Override
          public void onFailure(String error) {
            NativeCallbacks.guard(
                "CreateSessionDescription.onFailure",
                () -> f.completeExceptionally(Errors.fromNative(error)));
          }
        };
    try {
      run(() -> call.accept(o));
    } catch (io.github.jrtc.DOMException e) {
      f.completeExceptionally(e);
    } catch (RuntimeException | Error e) {
      f.completeExceptionally(Errors.fromNative(e.getMessage()));
    }
    return f;
  }

  @Override
  public CompletableFuture<RTCSessionDescriptionInit> createOffer(RTCOfferOptions options) {
    dev.onvoid.webrtc.RTCOfferOptions n = new dev.onvoid.webrtc.RTCOfferOptions();
    n.iceRestart = options.iceRestart();
    n.voiceActivityDetection = options.voiceActivityDetection();
    return sdpObserverFuture(o -> pc.createOffer(n, o));
  }

  @Override
  public CompletableFuture<RTCSessionDescriptionInit> createAnswer(RTCAnswerOptions options) {
    dev.onvoid.webrtc.RTCAnswerOptions n = new dev.onvoid.webrtc.RTCAnswerOptions();
    n.voiceActivityDetection = options.voiceActivityDetection();
    return sdpObserverFuture(o -> pc.createAnswer(n, o));
  }

  private CompletableFuture<Descriptions> setDescription(
      RTCSessionDescriptionInit description, boolean local) {
    CompletableFuture<Descriptions> f = new CompletableFuture<>();
    SetSessionDescriptionObserver o =
        new SetSessionDescriptionObserver() {
          @Override
          public void onSuccess() {
            NativeCallbacks.guard(
                "SetSessionDescription.onSuccess", () -> f.complete(snapshotOnSignalingThread()));
          }

          @Override
          public void onFailure(String error) {
            NativeCallbacks.guard(
                "SetSessionDescription.onFailure",
                () -> f.completeExceptionally(Errors.fromNative(error)));
          }
        };
    try {
      dev.onvoid.webrtc.RTCSessionDescription n =
          NativeConversions.toNative(
              new RTCSessionDescriptionInit(
                  description.type(), NativeInputGuard.sdp(description.sdp())));
      // Applying a description starts and stops send streams (and so the engine's recording).
      run(
          () ->
              AudioPump.notWhilePushing(
                  () -> {
                    if (local) {
                      pc.setLocalDescription(n, o);
                    } else {
                      pc.setRemoteDescription(n, o);
                    }
                  }));
    } catch (io.github.jrtc.DOMException e) {
      f.completeExceptionally(e);
    } catch (Error e) {
      // webrtc-java parses the SDP before calling libwebrtc and throws on syntax errors.
      String message = String.valueOf(e.getMessage());
      f.completeExceptionally(
          message.startsWith("Create session description failed")
                  && description.type() != RTCSdpType.ROLLBACK
              ? Errors.sdpSyntax(message, description.sdp())
              : Errors.fromNative(message));
    } catch (RuntimeException e) {
      f.completeExceptionally(Errors.fromNative(e.getMessage()));
    }
    return f;
  }

  @Override
  public CompletableFuture<Descriptions> setLocalDescription(
      RTCSessionDescriptionInit description) {
    return setDescription(description, true);
  }

  @Override
  public CompletableFuture<Descriptions> setRemoteDescription(
      RTCSessionDescriptionInit description) {
    return setDescription(description, false);
  }

  @Override
  public void addIceCandidate(RTCIceCandidateInit c) {
    run(
        () -> {
          String problem = NativeInputGuard.candidateProblem(c.candidate(), c.sdpMid());
          if (problem != null) {
            throw Errors.operation("The ICE candidate could not be added: " + problem);
          }
          try {
            pc.addIceCandidate(
                new RTCIceCandidate(
                    c.sdpMid(), c.sdpMLineIndex() == null ? 0 : c.sdpMLineIndex(), c.candidate()));
          } catch (RuntimeException | Error e) {
            throw Errors.operation("The ICE candidate could not be added: " + e.getMessage());
          }
        });
  }

  /**
   * webrtc-java's description getters fetch libwebrtc's object on the signaling thread but
   * serialize it on the calling one: from any other thread that races with libwebrtc replacing or
   * extending the description, a use-after-free seen as SIGSEGV. So this is only called from native
   * callbacks, which run on the signaling thread.
   */
  private Descriptions snapshotOnSignalingThread() {
    return snapshotOnSignalingThread(true);
  }

  /**
   * Only the local pair: gathering changes nothing else, and each getter serializes a whole SDP on
   * the signaling thread, which every connection of the engine shares (the bench's connect row
   * showed these callbacks delaying the next negotiation step).
   */
  private Descriptions localSnapshotOnSignalingThread() {
    return snapshotOnSignalingThread(false);
  }

  private Descriptions snapshotOnSignalingThread(boolean withRemote) {
    RTCPeerConnection pc = this.pc;
    if (pc == null || closed.get() || !use.enter()) {
      return Descriptions.NONE;
    }
    try {
      return new Descriptions(
          NativeConversions.fromNative(pc.getCurrentLocalDescription()),
          NativeConversions.fromNative(pc.getPendingLocalDescription()),
          withRemote ? NativeConversions.fromNative(pc.getCurrentRemoteDescription()) : null,
          withRemote ? NativeConversions.fromNative(pc.getPendingRemoteDescription()) : null);
    } finally {
      use.exit();
    }
  }

  @Override
  public CompletableFuture<RTCStatsReport> getStats() {
    CompletableFuture<RTCStatsReport> f = new CompletableFuture<>();
    try {
      run(
          () ->
              pc.getStats(
                  report ->
                      NativeCallbacks.guard(
                          "getStats", () -> f.complete(NativeConversions.fromNative(report)))));
    } catch (io.github.jrtc.DOMException e) {
      f.completeExceptionally(e);
    } catch (RuntimeException | Error e) {
      f.completeExceptionally(Errors.fromNative(e.getMessage()));
    }
    return f;
  }

  @Override
  public void setConfiguration(RTCConfiguration configuration) {
    if (!use.enter()) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    try {
      pc.setConfiguration(NativeConversions.toNative(configuration));
    } catch (io.github.jrtc.DOMException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      throw Errors.fromNative(e.getMessage());
    } finally {
      use.exit();
    }
  }

  @Override
  public void restartIce() {
    run(() -> pc.restartIce());
  }

  @Override
  public DataChannelBridge createDataChannel(String label, RTCDataChannelInit init) {
    dev.onvoid.webrtc.RTCDataChannelInit n = new dev.onvoid.webrtc.RTCDataChannelInit();
    n.ordered = init.ordered();
    n.negotiated = init.negotiated();
    n.maxPacketLifeTime = init.maxPacketLifeTime() == null ? -1 : init.maxPacketLifeTime();
    n.maxRetransmits = init.maxRetransmits() == null ? -1 : init.maxRetransmits();
    n.id = init.id() == null ? -1 : init.id();
    n.protocol = init.protocol();
    n.priority =
        NativeConversions.sameName(dev.onvoid.webrtc.RTCPriorityType.class, init.priority());
    return call(
        () -> {
          RTCDataChannel channel;
          try {
            channel = pc.createDataChannel(label, n);
          } catch (RuntimeException | Error e) {
            throw Errors.fromNative(e.getMessage());
          }
          if (channel == null) {
            throw Errors.operation("libwebrtc refused to create the data channel");
          }
          NativeDataChannelBridge bridge =
              new NativeDataChannelBridge(
                  channel, dependents, init.negotiated() ? init.id() : null);
          dependents.add(bridge);
          return bridge;
        });
  }

  @Override
  public TransceiverBridge addTrack(TrackSource track, java.util.List<String> streamIds) {
    dev.onvoid.webrtc.RTCRtpSender sender;
    // An ended local track has no native track any more (jrtc released it), yet the spec's
    // addTrack accepts it and the sender just sends nothing: add a placeholder of its kind, so that
    // libwebrtc picks or creates the transceiver as for any track, then detach it.
    dev.onvoid.webrtc.media.MediaStreamTrack own = track.nativeTrack();
    dev.onvoid.webrtc.media.MediaStreamTrack nt =
        own != null ? own : Placeholders.track(engine, track.kind());
    try {
      sender =
          AudioPump.notWhilePushing(
              () -> {
                dev.onvoid.webrtc.RTCRtpSender added =
                    pc.addTrack(nt, new java.util.ArrayList<>(streamIds));
                if (own == null) {
                  added.replaceTrack(null);
                }
                return added;
              });
    } catch (RuntimeException | Error e) {
      throw Errors.fromNative(e.getMessage());
    } finally {
      if (own == null) {
        Placeholders.dispose(nt);
      }
    }
    long senderKey = NativeRtp.handleOf(sender);
    dependents.add(new NativeReference(engine, sender));
    for (TransceiverBridge t : transceivers()) {
      if (((NativeTransceiverBridge) t).senderKey() == senderKey) {
        return t;
      }
    }
    throw Errors.operation("libwebrtc added a sender without a transceiver");
  }

  private static dev.onvoid.webrtc.media.MediaStreamTrack nativeTrackOf(TrackSource track) {
    dev.onvoid.webrtc.media.MediaStreamTrack t = track.nativeTrack();
    if (t == null) {
      throw Errors.invalidState("The track's native side is gone");
    }
    return t;
  }

  @Override
  public TransceiverBridge addTransceiver(
      String kind,
      TrackSource track,
      io.github.jrtc.RTCRtpTransceiverDirection direction,
      java.util.List<String> streamIds,
      java.util.List<io.github.jrtc.RTCRtpEncodingParameters> sendEncodings) {
    dev.onvoid.webrtc.RTCRtpTransceiverInit init = new dev.onvoid.webrtc.RTCRtpTransceiverInit();
    init.direction = NativeRtp.toNative(direction);
    init.streamIds = new java.util.ArrayList<>(streamIds);
    for (io.github.jrtc.RTCRtpEncodingParameters e : sendEncodings) {
      init.sendEncodings.add(NativeRtp.toNative(e));
    }
    // webrtc-java refuses a null track (NPE): add with a placeholder, then detach it.
    dev.onvoid.webrtc.media.MediaStreamTrack nativeTrack =
        track == null ? Placeholders.track(engine, kind) : nativeTrackOf(track);
    dev.onvoid.webrtc.RTCRtpTransceiver t;
    try {
      t =
          AudioPump.notWhilePushing(
              () -> {
                dev.onvoid.webrtc.RTCRtpTransceiver added = pc.addTransceiver(nativeTrack, init);
                if (track == null) {
                  added.getSender().replaceTrack(null);
                }
                return added;
              });
    } catch (RuntimeException | Error e) {
      throw Errors.fromNative(e.getMessage());
    } finally {
      if (track == null) {
        Placeholders.dispose(nativeTrack);
      }
    }
    dependents.add(new NativeReference(engine, t));
    return transceivers.computeIfAbsent(
        NativeRtp.handleOf(t), k -> new NativeTransceiverBridge(engine, pc, use, t));
  }

  @Override
  public void removeTrack(TransceiverBridge transceiver) {
    NativeTransceiverBridge t = (NativeTransceiverBridge) transceiver;
    for (dev.onvoid.webrtc.RTCRtpSender s : pc.getSenders()) {
      if (NativeRtp.handleOf(s) == t.senderKey()) {
        try {
          AudioPump.notWhilePushing(() -> pc.removeTrack(s));
        } catch (RuntimeException | Error e) {
          throw Errors.fromNative(e.getMessage());
        }
        return;
      }
    }
  }

  @Override
  public java.util.List<TransceiverBridge> transceivers() {
    if (closed.get()) {
      return java.util.List.of();
    }
    java.util.List<TransceiverBridge> out = new java.util.ArrayList<>();
    java.util.Set<Long> live = new java.util.HashSet<>();
    for (dev.onvoid.webrtc.RTCRtpTransceiver t : pc.getTransceivers()) {
      long key = NativeRtp.handleOf(t);
      live.add(key);
      out.add(
          transceivers.computeIfAbsent(key, k -> new NativeTransceiverBridge(engine, pc, use, t)));
    }
    // A transceiver libwebrtc dropped (a rolled-back remote offer) frees its receiver and track,
    // and a new one may then be allocated at the same address: forget the old bridge and drop its
    // track now, or the new transceiver would get it back and an addSink on the freed track is a
    // SIGSEGV (found by SdpFuzzIT, which rolls back and re-applies offers on one connection).
    for (java.util.Iterator<java.util.Map.Entry<Long, NativeTransceiverBridge>> it =
            transceivers.entrySet().iterator();
        it.hasNext(); ) {
      java.util.Map.Entry<Long, NativeTransceiverBridge> e = it.next();
      if (!live.contains(e.getKey())) {
        it.remove();
        dropRemoteTrack(e.getValue());
      }
    }
    return out;
  }

  private static void dropRemoteTrack(NativeTransceiverBridge t) {
    TrackSource remote = t.receiverTrack();
    SinkDispatcher.detachSource(remote);
    if (remote instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("Closing a remote track failed", e);
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Order matters: (1) no Java call may be inside the native connection; (2) the native close
    // runs on the signaling thread and returns only after libwebrtc dropped the observer, so no
    // connection callback runs after it; (3) wrappers of its channels (and media objects) let go;
    // (4) only then the last reference is released; all of it before the engine's threads stop.
    boolean ran =
        engine.whileAlive(
            () -> {
              boolean quiet = use.retire(RETIRE_TIMEOUT_MS);
              AudioPump.notWhilePushing(() -> closeNative(quiet));
            });
    if (!ran) {
      use.retire(0);
    }
  }

  // Closing detaches the senders' sinks from local sources: never while one is pushed into.
  private void closeNative(boolean quiet) {
    {
      long handle = NativeHandles.of(pc);
      try {
        pc.close();
      } catch (RuntimeException | Error e) {
        // webrtc-java throws when its handle is already gone; closed either way.
      }
      dependents.invalidateAll();
      // Remote tracks die with the connection: unhook their sinks and drop the handles
      // first (removeSink on a released track is a SIGSEGV).
      for (NativeTransceiverBridge t : transceivers.values()) {
        t.forgetObservers();
        dropRemoteTrack(t);
      }
      if (quiet) {
        engine.releaseClosedPeerConnection(handle);
      } else {
        LOG.warn("A native call on a closing peer connection did not return; leaking it");
      }
    }
  }
}

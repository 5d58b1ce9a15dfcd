package io.github.jrtc.desktop;

import io.github.jrtc.MediaStream;
import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.RTCRtpSender;
import io.github.jrtc.RTCRtpTransceiverDirection;
import io.github.jrtc.RTCRtpTransceiverInit;
import io.github.jrtc.media.AudioOutput;
import io.github.jrtc.signaling.SignalingClient;
import io.github.jrtc.signaling.SignalingMessage;
import io.github.jrtc.signaling.SignalingMessage.HangUp;
import io.github.jrtc.signaling.SignalingMessage.NewIceCandidate;
import io.github.jrtc.signaling.SignalingMessage.UserList;
import io.github.jrtc.signaling.SignalingMessage.VideoAnswer;
import io.github.jrtc.signaling.SignalingMessage.VideoOffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user of MDN's signaling protocol with at most one call at a time, as the MDN call page: call
 * a user (offer with the local tracks and a "chat" data channel), answer or decline an incoming
 * offer, renegotiate when the other side offers again, hang up. Every state change and handler runs
 * on the UI executor (the FX application thread), so the session needs no locks; what the UI shows
 * arrives through {@link Listener}.
 */
final class CallSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);

  /** What the window shows; called on the UI executor. */
  interface Listener {
    void signaling(String state);

    void users(List<String> users);

    /** An offer from {@code from} waits for {@link #answer()} or {@link #decline()}. */
    void incoming(String from);

    /** "calling", "connecting", "connected", "ended: why", ... */
    void callState(String peer, String state);

    void remoteStream(MediaStream stream);

    void chat(String who, String text);

    void stats(String line);
  }

  private final SignalingClient client;
  private final LocalMedia media;
  private final Executor ui;
  private final Listener listener;
  private final boolean autoAnswer;
  private String speakerId;
  private Call call;

  /** The one call; all fields on the UI executor. */
  private static final class Call {
    final String peer;
    final RTCPeerConnection pc;
    final CallStats stats = new CallStats();
    final List<RTCIceCandidateInit> early = new ArrayList<>();
    VideoOffer pendingOffer;
    RTCDataChannel channel;
    AudioOutput speaker;
    boolean ended;

    Call(String peer, RTCPeerConnection pc) {
      this.peer = peer;
      this.pc = pc;
    }
  }

  CallSession(
      SignalingClient client,
      LocalMedia media,
      Executor ui,
      Listener listener,
      boolean autoAnswer) {
    this.client = client;
    this.media = media;
    this.ui = ui;
    this.listener = listener;
    this.autoAnswer = autoAnswer;
    client.onmessage(m -> ui.execute(() -> onSignaling(m)));
    client.onstatechange(s -> ui.execute(() -> listener.signaling(s.toString().toLowerCase())));
  }

  CompletableFuture<String> connect() {
    return client.connect();
  }

  String name() {
    return client.name();
  }

  String peer() {
    return call == null ? null : call.peer;
  }

  RTCPeerConnection connection() {
    return call == null ? null : call.pc;
  }

  // ------------------------------------------------------------------ actions (UI thread)

  void call(String user) {
    if (call != null || user == null || user.equals(name())) {
      return;
    }
    Call c = newCall(user);
    addLocalTracks(c);
    useChannel(c, c.pc.createDataChannel("chat"));
    listener.callState(user, "calling");
    sendOffer(c);
    c.pc.onnegotiationneeded(e -> ui.execute(() -> sendOffer(c)));
  }

  void answer() {
    Call c = call;
    if (c == null || c.pendingOffer == null) {
      return;
    }
    VideoOffer offer = c.pendingOffer;
    c.pendingOffer = null;
    listener.callState(c.peer, "answering");
    applyOffer(c, offer, true);
  }

  void decline() {
    Call c = call;
    if (c != null && c.pendingOffer != null) {
      end(c, "declined", true);
    }
  }

  void hangUp() {
    if (call != null) {
      end(call, "hung up", true);
    }
  }

  /** Sends {@code text} on the call's data channel; false when there is no open channel. */
  boolean sendChat(String text) {
    Call c = call;
    if (c == null
        || c.channel == null
        || c.channel.readyState() != io.github.jrtc.RTCDataChannelState.OPEN) {
      return false;
    }
    c.channel.send(text);
    listener.chat("me", text);
    return true;
  }

  /**
   * Puts {@code track} on the call's sender of its kind (after a device switch or screen share).
   */
  void replaceTrack(MediaStreamTrack track) {
    Call c = call;
    if (c == null || track == null) {
      return;
    }
    for (RTCRtpSender s : c.pc.getSenders()) {
      MediaStreamTrack current = s.track();
      if (current != null && current.kind().equals(track.kind()) && current != track) {
        var unused =
            s.replaceTrack(track)
                .exceptionally(
                    err -> {
                      LOG.warn("replaceTrack failed", err);
                      return null;
                    });
      }
    }
  }

  /** Plays the remote audio on {@code deviceId} from now on (and for later calls). */
  void speaker(String deviceId) {
    speakerId = deviceId;
    Call c = call;
    if (c != null && c.speaker != null) {
      MediaStreamTrack track = remoteAudio(c);
      c.speaker.close();
      c.speaker = track == null ? null : play(track);
    }
  }

  void pollStats() {
    Call c = call;
    if (c == null || c.pc.connectionState() != RTCPeerConnectionState.CONNECTED) {
      return;
    }
    var unused =
        c.pc
            .getStats()
            .thenAcceptAsync(
                r -> {
                  if (!c.ended) {
                    listener.stats(c.stats.update(r));
                  }
                },
                ui)
            .exceptionally(err -> null);
  }

  // ------------------------------------------------------------------ signaling (UI thread)

  private void onSignaling(SignalingMessage msg) {
    if (msg instanceof UserList m) {
      listener.users(m.users());
      if (call != null && !m.users().contains(call.peer)) {
        end(call, call.peer + " left", false);
      }
    } else if (msg instanceof VideoOffer m) {
      onOffer(m);
    } else if (msg instanceof VideoAnswer m) {
      if (call != null && call.peer.equals(m.name())) {
        Call c = call;
        var unused =
            c.pc.setRemoteDescription(m.sdp()).exceptionally(err -> failed(c, "the answer", err));
      }
    } else if (msg instanceof NewIceCandidate m) {
      if (call != null && call.peer.equals(m.name())) {
        if (call.pendingOffer != null) {
          call.early.add(m.candidate());
        } else {
          var unused = call.pc.addIceCandidate(m.candidate()).exceptionally(err -> null);
        }
      }
    } else if (msg instanceof HangUp m) {
      if (call != null && call.peer.equals(m.name())) {
        end(call, m.name() + " hung up", false);
      }
    } else if (msg instanceof SignalingMessage.ChatMessage m) {
      listener.chat(m.name() == null ? "server" : m.name() + " (lobby)", m.text());
    }
  }

  private void onOffer(VideoOffer m) {
    String from = m.name();
    if (from == null || from.equals(name())) {
      return;
    }
    if (call != null && !call.peer.equals(from)) {
      // Busy: one call at a time, as MDN's page.
      var unused = client.send(new HangUp(name(), from));
      return;
    }
    if (call == null) {
      Call c = newCall(from);
      c.pendingOffer = m;
      if (autoAnswer) {
        answer();
      } else {
        listener.incoming(from);
        listener.callState(from, "incoming");
      }
      return;
    }
    // A renegotiation offer in a running call.
    applyOffer(call, m, false);
  }

  private void applyOffer(Call c, VideoOffer offer, boolean first) {
    RTCPeerConnection pc = c.pc;
    CompletableFuture<Void> srd = pc.setRemoteDescription(offer.sdp());
    for (RTCIceCandidateInit cand : c.early) {
      var unused = pc.addIceCandidate(cand).exceptionally(err -> null);
    }
    c.early.clear();
    var unused =
        srd.thenRunAsync(
                () -> {
                  if (first) {
                    addLocalTracks(c);
                  }
                },
                ui)
            .thenCompose(v -> pc.createAnswer())
            .thenCompose(pc::setLocalDescription)
            .thenCompose(
                v -> client.send(new VideoAnswer(name(), c.peer, pc.localDescription().toInit())))
            .exceptionally(err -> failed(c, "answering", err));
  }

  private void sendOffer(Call c) {
    if (c.ended) {
      return;
    }
    RTCPeerConnection pc = c.pc;
    var unused =
        pc.setLocalDescription()
            .thenCompose(
                v -> client.send(new VideoOffer(name(), c.peer, pc.localDescription().toInit())))
            .exceptionally(err -> failed(c, "sending the offer", err));
  }

  // ------------------------------------------------------------------ the call (UI thread)

  private Call newCall(String peer) {
    RTCPeerConnection pc = new RTCPeerConnection();
    Call c = new Call(peer, pc);
    call = c;
    pc.onicecandidate(
        e -> {
          if (e.candidate() != null && !c.ended) {
            var unused = client.send(new NewIceCandidate(name(), peer, e.candidate().toInit()));
          }
        });
    pc.onconnectionstatechange(
        e ->
            ui.execute(
                () -> {
                  if (c.ended) {
                    return;
                  }
                  RTCPeerConnectionState s = pc.connectionState();
                  listener.callState(peer, s.toString());
                  if (s == RTCPeerConnectionState.FAILED) {
                    end(c, "connection failed", true);
                  }
                }));
    pc.ontrack(
        e ->
            ui.execute(
                () -> {
                  if (c.ended) {
                    return;
                  }
                  MediaStream stream =
                      e.streams().isEmpty()
                          ? new MediaStream(List.of(e.track()))
                          : e.streams().get(0);
                  if (e.track().kind().equals("audio")) {
                    if (c.speaker != null) {
                      c.speaker.close();
                    }
                    c.speaker = play(e.track());
                  }
                  listener.remoteStream(stream);
                }));
    pc.ondatachannel(e -> ui.execute(() -> useChannel(c, e.channel())));
    return c;
  }

  private AudioOutput play(MediaStreamTrack track) {
    try {
      return speakerId == null ? AudioOutput.play(track) : AudioOutput.play(track, speakerId);
    } catch (RuntimeException e) {
      LOG.warn("Cannot play the remote audio", e);
      return null;
    }
  }

  private static MediaStreamTrack remoteAudio(Call c) {
    return c.pc.getReceivers().stream()
        .map(r -> r.track())
        .filter(t -> t.kind().equals("audio"))
        .findFirst()
        .orElse(null);
  }

  /** The local tracks in the call; a kind without a track is received only. */
  private void addLocalTracks(Call c) {
    MediaStream sent = media.sent();
    MediaStreamTrack audio = media.audioTrack();
    MediaStreamTrack video = media.videoTrack();
    if (audio != null) {
      c.pc.addTrack(audio, sent);
    } else {
      c.pc.addTransceiver("audio", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY));
    }
    if (video != null) {
      c.pc.addTrack(video, sent);
    } else {
      c.pc.addTransceiver("video", new RTCRtpTransceiverInit(RTCRtpTransceiverDirection.RECVONLY));
    }
  }

  private void useChannel(Call c, RTCDataChannel channel) {
    c.channel = channel;
    channel.onopen(e -> ui.execute(() -> listener.chat("system", "chat with " + c.peer + " open")));
    channel.onmessage(
        m ->
            ui.execute(
                () ->
                    listener.chat(c.peer, m.data() instanceof String s ? s : "[binary message]")));
  }

  private Void failed(Call c, String what, Throwable err) {
    Throwable cause =
        err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
    ui.execute(
        () -> {
          if (!c.ended) {
            LOG.warn("{} failed", what, cause);
            end(c, what + " failed: " + cause.getMessage(), true);
          }
        });
    return null;
  }

  private void end(Call c, String why, boolean tellPeer) {
    if (c.ended) {
      return;
    }
    c.ended = true;
    if (call == c) {
      call = null;
    }
    if (c.speaker != null) {
      c.speaker.close();
    }
    c.pc.close();
    if (tellPeer && client.state() == SignalingClient.State.JOINED) {
      var unused = client.send(new HangUp(name(), c.peer));
    }
    listener.remoteStream(null);
    listener.callState(c.peer, "ended: " + why);
  }

  @Override
  public void close() {
    hangUp();
    client.close();
  }
}

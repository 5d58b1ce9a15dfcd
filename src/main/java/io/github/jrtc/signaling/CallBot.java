package io.github.jrtc.signaling;

import io.github.jrtc.MediaStreamTrack;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCIceCandidate;
import io.github.jrtc.RTCIceCandidateInit;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import io.github.jrtc.RTCRtpTransceiver;
import io.github.jrtc.RTCRtpTransceiverDirection;
import io.github.jrtc.RTCStats;
import io.github.jrtc.RTCStatsReport;
import io.github.jrtc.media.SinkRegistration;
import io.github.jrtc.media.StreamRecorder;
import io.github.jrtc.media.TrackSinks;
import io.github.jrtc.signaling.SignalingMessage.HangUp;
import io.github.jrtc.signaling.SignalingMessage.NewIceCandidate;
import io.github.jrtc.signaling.SignalingMessage.UserList;
import io.github.jrtc.signaling.SignalingMessage.VideoAnswer;
import io.github.jrtc.signaling.SignalingMessage.VideoOffer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Java user of MDN's signaling protocol that answers calls, the way the MDN page's callee does:
 * on a {@code video-offer} for it, setRemoteDescription → add its tracks → createAnswer →
 * setLocalDescription → {@code video-answer}; candidates trickle both ways as {@code
 * new-ice-candidate}. Every message that arrives on a data channel of an answered call is sent back
 * unchanged on the same channel. One RTCPeerConnection per caller, any number at once; a call ends
 * on {@code hang-up}, when the caller leaves the user list, or when its connection fails. {@link
 * #call(String)} makes it the caller instead. With {@link Builder#record} each call's received
 * audio and video is recorded to its own file, finished when the call ends or the bot closes.
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling">MDN</a>.
 */
public final class CallBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CallBot.class);
  private static final int MAX_EARLY_CANDIDATES = 64;
  private static final int MAX_EARLY_PEERS = 64;
  // How long close() waits for the calls' recordings to be complete (each waits for its encoder).
  private static final long RECORDINGS_FINISH_SECONDS = 30;

  private final Builder config;
  private final SignalingClient client;
  private final Map<String, BotCall> calls = new ConcurrentHashMap<>();
  // Candidates that arrive before their offer (never with an ordered socket, but cheap to allow).
  private final Map<String, Deque<RTCIceCandidateInit>> early = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer;
  private final Set<CompletableFuture<Void>> finishingRecordings = ConcurrentHashMap.newKeySet();
  private volatile Consumer<BotEvent> onevent = e -> {};
  private volatile boolean closed;

  private CallBot(Builder config) {
    this.config = config;
    SignalingClient.Builder b = SignalingClient.builder(config.signaling).name(config.name);
    if (config.token != null) {
      b.token(config.token);
    }
    this.client = b.build();
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jrtc-bot-" + config.name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A builder for a bot that signs in at {@code signaling}.
   *
   * @param signaling the server's WebSocket address
   * @return a new builder
   */
  public static Builder builder(URI signaling) {
    return new Builder(signaling);
  }

  /**
   * Sets the handler for status events (on internal threads; keep it quick).
   *
   * @param handler the handler; null removes it
   */
  public void onevent(Consumer<BotEvent> handler) {
    this.onevent = handler == null ? e -> {} : handler;
  }

  /**
   * Connects and signs in; completes with the bot's name.
   *
   * @return the bot's name once signed in
   */
  public CompletableFuture<String> start() {
    client.onmessage(this::onSignaling);
    client.onstatechange(s -> emit(BotEvent.Kind.SIGNALING, null, s.toString().toLowerCase()));
    if (!config.statsInterval.isZero()) {
      long ms = config.statsInterval.toMillis();
      var unused = timer.scheduleAtFixedRate(this::reportStats, ms, ms, TimeUnit.MILLISECONDS);
    }
    return client
        .connect()
        .thenApply(
            n -> {
              emit(BotEvent.Kind.JOINED, null, n);
              return n;
            });
  }

  /**
   * The name the server gave the bot.
   *
   * @return the name
   */
  public String name() {
    return client.name();
  }

  /**
   * The users currently signed in.
   *
   * @return the user names
   */
  public List<String> users() {
    return client.users();
  }

  /**
   * The users the bot is in a call with now.
   *
   * @return the users in a call with the bot
   */
  public Set<String> activeCalls() {
    return Set.copyOf(calls.keySet());
  }

  /**
   * The connection of the call with {@code user}, or null.
   *
   * @param user a user name
   * @return the connection, or null
   */
  public RTCPeerConnection connection(String user) {
    BotCall c = calls.get(user);
    return c == null ? null : c.pc;
  }

  /**
   * What the call with {@code user} has received (frames, audio level), or null.
   *
   * @param user a user name
   * @return what was received, or null
   */
  public ReceivedMedia receivedMedia(String user) {
    BotCall c = calls.get(user);
    return c == null ? null : c.received();
  }

  /**
   * Calls {@code user} (the bot is the caller): creates a connection with a "chat" data channel,
   * sends the offer, and completes when the connection is connected.
   *
   * @param user the user to call
   * @return completes once the call is connected
   */
  public CompletableFuture<Void> call(String user) {
    if (calls.containsKey(user)) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("already in a call with " + user));
    }
    BotCall call;
    try {
      call = newCall(user, true);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    RTCPeerConnection pc = call.pc;
    call.mediaAttached = true;
    // Tracks and channel first, then one explicit offer: jrtc fires negotiationneeded from the
    // connection's queue thread, which could otherwise offer between addTrack and
    // createDataChannel. Later renegotiation goes through the handler.
    var unused =
        config
            .media
            .attach(pc, user)
            .thenCompose(
                v -> {
                  RTCDataChannel channel = pc.createDataChannel("chat");
                  call.channels.add(channel);
                  channel.onopen(
                      e -> {
                        emit(BotEvent.Kind.CHANNEL, user, channel.label());
                        channel.send("hello from " + name());
                      });
                  channel.onmessage(
                      m ->
                          emit(
                              BotEvent.Kind.MESSAGE,
                              user,
                              m.data() instanceof String s ? s : "binary"));
                  return sendOffer(call);
                })
            .thenRun(
                () ->
                    pc.onnegotiationneeded(
                        e -> {
                          var again = sendOffer(call);
                        }))
            .exceptionally(err -> failed(call, "calling", err));
    return call.connected.copy();
  }

  private CompletableFuture<Void> sendOffer(BotCall call) {
    RTCPeerConnection pc = call.pc;
    return pc.setLocalDescription()
        .thenCompose(
            v -> client.send(new VideoOffer(name(), call.peer, pc.localDescription().toInit())))
        .exceptionally(err -> failed(call, "sending the offer", err));
  }

  /**
   * Ends the call with {@code user}, telling them with {@code hang-up}.
   *
   * @param user the user whose call ends
   */
  public void hangUp(String user) {
    BotCall c = calls.get(user);
    if (c != null) {
      end(c, "hung up", true);
    }
  }

  /** Hangs up every call and signs out. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    timer.shutdownNow();
    for (BotCall c : List.copyOf(calls.values())) {
      end(c, "bot stopping", true);
    }
    awaitRecordings();
    client.close();
    if (config.media instanceof AutoCloseable media) {
      try {
        media.close();
      } catch (Exception e) {
        LOG.warn("closing the bot's media", e);
      }
    }
  }

  /** Waits (bounded) until the recordings of ended calls are complete files. */
  private void awaitRecordings() {
    List<CompletableFuture<Void>> pending = new ArrayList<>(finishingRecordings);
    if (pending.isEmpty()) {
      return;
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(RECORDINGS_FINISH_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
      LOG.warn("recordings not finished after {} s", RECORDINGS_FINISH_SECONDS, e);
    }
  }

  // ---- signaling ----

  private void onSignaling(SignalingMessage msg) {
    if (closed) {
      return;
    }
    if (msg instanceof VideoOffer m) {
      onOffer(m);
    } else if (msg instanceof VideoAnswer m) {
      BotCall c = calls.get(m.name());
      if (c == null) {
        return;
      }
      var unused =
          c.pc
              .setRemoteDescription(m.sdp())
              .thenRun(() -> recordReceived(c))
              .exceptionally(err -> failed(c, "the answer", err));
    } else if (msg instanceof NewIceCandidate m) {
      onCandidate(m);
    } else if (msg instanceof HangUp m) {
      BotCall c = calls.get(m.name());
      if (c != null) {
        end(c, m.name() + " hung up", false);
      }
    } else if (msg instanceof UserList m) {
      emit(BotEvent.Kind.USERS, null, String.join(", ", m.users()));
      Set<String> present = new HashSet<>(m.users());
      for (BotCall c : List.copyOf(calls.values())) {
        if (!present.contains(c.peer)) {
          end(c, c.peer + " left", false);
        }
      }
      early.keySet().retainAll(present);
    } else if (msg instanceof SignalingMessage.Error m) {
      LOG.info("signaling server: {} {}", m.error(), m.message());
    }
  }

  private void onOffer(VideoOffer m) {
    String from = m.name();
    if (from == null || from.equals(name())) {
      return;
    }
    BotCall call = calls.get(from);
    if (call == null) {
      if (calls.size() >= config.maxCalls) {
        var unused = client.send(new HangUp(name(), from));
        emit(BotEvent.Kind.ERROR, from, "refused: already in " + calls.size() + " calls");
        return;
      }
      try {
        call = newCall(from, false);
      } catch (RuntimeException e) {
        emit(BotEvent.Kind.ERROR, from, "could not create a connection: " + e.getMessage());
        var unused = client.send(new HangUp(name(), from));
        return;
      }
    }
    BotCall c = call;
    RTCPeerConnection pc = c.pc;
    // SRD, then any candidates that came early (chained after it by the operations chain).
    CompletableFuture<Void> srd = pc.setRemoteDescription(m.sdp());
    Deque<RTCIceCandidateInit> pending = early.remove(from);
    if (pending != null) {
      for (RTCIceCandidateInit init : pending) {
        var unused = pc.addIceCandidate(init).exceptionally(err -> null);
      }
    }
    var unused =
        srd.thenCompose(v -> c.attachOnce(config.media))
            .thenCompose(v -> pc.createAnswer())
            .thenCompose(pc::setLocalDescription)
            .thenCompose(
                v -> {
                  recordReceived(c);
                  return client.send(new VideoAnswer(name(), from, pc.localDescription().toInit()));
                })
            .exceptionally(err -> failed(c, "answering", err));
  }

  private void onCandidate(NewIceCandidate m) {
    String from = m.name();
    if (from == null) {
      return;
    }
    BotCall c = calls.get(from);
    if (c == null) {
      if (early.size() < MAX_EARLY_PEERS || early.containsKey(from)) {
        Deque<RTCIceCandidateInit> q = early.computeIfAbsent(from, k -> new ArrayDeque<>());
        synchronized (q) {
          if (q.size() < MAX_EARLY_CANDIDATES) {
            q.add(m.candidate());
          }
        }
      }
      return;
    }
    var unused =
        c.pc
            .addIceCandidate(m.candidate())
            .exceptionally(
                err -> {
                  LOG.debug("candidate from {} refused: {}", from, cause(err).toString());
                  return null;
                });
  }

  // ---- calls ----

  private BotCall newCall(String peer, boolean outgoing) {
    RTCPeerConnection pc = new RTCPeerConnection(config.configuration);
    BotCall call = new BotCall(peer, pc, outgoing);
    if (config.recordDir != null) {
      call.recording =
          new CallRecording(
              config.recordDir,
              config.recorder,
              peer,
              text -> emit(BotEvent.Kind.RECORDING, peer, text));
    }
    if (calls.putIfAbsent(peer, call) != null) {
      pc.close();
      throw new IllegalStateException("already in a call with " + peer);
    }
    emit(BotEvent.Kind.CALL, peer, outgoing ? "outgoing" : "incoming");
    pc.onicecandidate(
        e -> {
          RTCIceCandidate cand = e.candidate();
          if (cand != null && !call.ended) {
            var unused = client.send(new NewIceCandidate(name(), peer, cand.toInit()));
          }
        });
    pc.onconnectionstatechange(
        e -> {
          RTCPeerConnectionState s = pc.connectionState();
          if (call.ended) {
            return;
          }
          emit(BotEvent.Kind.STATE, peer, s.toString());
          if (s == RTCPeerConnectionState.CONNECTED) {
            call.connected.complete(null);
          } else if (s == RTCPeerConnectionState.FAILED) {
            end(call, "connection failed", true);
          }
        });
    pc.ondatachannel(e -> echo(call, e.channel()));
    pc.ontrack(e -> receive(call, e.track()));
    return call;
  }

  /**
   * After a negotiation: what the call receives now (the receivers' tracks of the transceivers
   * whose currentDirection receives) is what its recording records.
   */
  private void recordReceived(BotCall call) {
    CallRecording recording = call.recording;
    if (recording == null || call.ended) {
      return;
    }
    List<MediaStreamTrack> tracks = new ArrayList<>();
    for (RTCRtpTransceiver t : call.pc.getTransceivers()) {
      RTCRtpTransceiverDirection d = t.currentDirection();
      if (!t.stopped()
          && (d == RTCRtpTransceiverDirection.SENDRECV
              || d == RTCRtpTransceiverDirection.RECVONLY)) {
        tracks.add(t.receiver().track());
      }
    }
    recording.received(tracks);
  }

  private void receive(BotCall call, MediaStreamTrack track) {
    if (call.ended) {
      return;
    }
    SinkRegistration r;
    if (track.kind().equals("video")) {
      r =
          TrackSinks.addVideoSink(
              track,
              f -> {
                call.videoFrames.incrementAndGet();
                call.size = f.width() << 16 | f.height();
              });
    } else {
      r =
          TrackSinks.addAudioSink(
              track,
              d -> {
                double rms = d.rms();
                if (rms > 0.01) {
                  call.audibleChunks.incrementAndGet();
                }
                call.maxLevelBits.accumulateAndGet(
                    Double.doubleToLongBits(rms),
                    (a, b) -> Double.longBitsToDouble(a) >= Double.longBitsToDouble(b) ? a : b);
              });
    }
    call.sinks.add(r);
  }

  private void echo(BotCall call, RTCDataChannel channel) {
    call.channels.add(channel);
    channel.onopen(e -> emit(BotEvent.Kind.CHANNEL, call.peer, channel.label()));
    channel.onmessage(
        m -> {
          Object data = m.data();
          // Unchanged, on the same channel: text as text, binary as binary.
          if (data instanceof String s) {
            channel.send(s);
            emit(BotEvent.Kind.MESSAGE, call.peer, s);
          } else if (data instanceof ByteBuffer b) {
            ByteBuffer copy = ByteBuffer.allocate(b.remaining());
            copy.put(b.duplicate()).flip();
            channel.send(copy);
            emit(BotEvent.Kind.MESSAGE, call.peer, copy.remaining() + " bytes");
          }
        });
  }

  private Void failed(BotCall call, String what, Throwable err) {
    if (!call.ended) {
      emit(BotEvent.Kind.ERROR, call.peer, what + " failed: " + cause(err));
      end(call, what + " failed", true);
    }
    return null;
  }

  private void end(BotCall call, String why, boolean tellPeer) {
    if (!calls.remove(call.peer, call)) {
      return;
    }
    call.ended = true;
    call.connected.completeExceptionally(new IllegalStateException("call ended: " + why));
    if (call.recording != null) {
      // Finished before the connection closes, so the file ends where the call did.
      CompletableFuture<Void> done = call.recording.end();
      finishingRecordings.add(done);
      var unused = done.whenComplete((v, err) -> finishingRecordings.remove(done));
    }
    try {
      config.media.detach(call.pc, call.peer);
    } catch (RuntimeException e) {
      LOG.warn("media detach for {}", call.peer, e);
    }
    for (SinkRegistration r : call.sinks) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.debug("closing a sink", e);
      }
    }
    call.pc.close();
    if (tellPeer && client.state() == SignalingClient.State.JOINED) {
      var unused = client.send(new HangUp(name(), call.peer));
    }
    emit(BotEvent.Kind.ENDED, call.peer, why);
  }

  private void reportStats() {
    for (BotCall c : List.copyOf(calls.values())) {
      if (c.pc.connectionState() != RTCPeerConnectionState.CONNECTED) {
        continue;
      }
      var unused =
          c.pc
              .getStats()
              .thenAccept(report -> emit(BotEvent.Kind.STATS, c.peer, c.rates(report)))
              .exceptionally(err -> null);
    }
  }

  private void emit(BotEvent.Kind kind, String peer, String text) {
    try {
      onevent.accept(new BotEvent(kind, peer, text));
    } catch (RuntimeException e) {
      LOG.warn("bot event handler failed", e);
    }
  }

  private static Throwable cause(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  /** One call: the connection with one other user. */
  private static final class BotCall {
    final String peer;
    final RTCPeerConnection pc;
    final boolean outgoing;
    final List<RTCDataChannel> channels = new java.util.concurrent.CopyOnWriteArrayList<>();
    final CompletableFuture<Void> connected = new CompletableFuture<>();
    volatile boolean ended;
    volatile boolean mediaAttached;
    volatile CallRecording recording;
    final List<SinkRegistration> sinks = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicLong videoFrames = new AtomicLong();
    final AtomicLong audibleChunks = new AtomicLong();
    final AtomicLong maxLevelBits = new AtomicLong(Double.doubleToLongBits(0));
    volatile int size;
    private long lastIn;
    private long lastOut;
    private double lastTime;

    BotCall(String peer, RTCPeerConnection pc, boolean outgoing) {
      this.peer = peer;
      this.pc = pc;
      this.outgoing = outgoing;
    }

    /** The tracks go in with the first offer only; a renegotiation reuses them. */
    CompletableFuture<Void> attachOnce(Media media) {
      if (mediaAttached) {
        return CompletableFuture.completedFuture(null);
      }
      mediaAttached = true;
      return media.attach(pc, peer);
    }

    ReceivedMedia received() {
      int s = size;
      return new ReceivedMedia(
          videoFrames.get(),
          s >>> 16,
          s & 0xffff,
          Double.longBitsToDouble(maxLevelBits.get()),
          audibleChunks.get());
    }

    synchronized String rates(RTCStatsReport report) {
      long in = 0;
      long out = 0;
      long frames = 0;
      double time = 0;
      for (RTCStats s : report.ofType("transport")) {
        in += s.getLong("bytesReceived", 0);
        out += s.getLong("bytesSent", 0);
        time = Math.max(time, s.timestamp());
      }
      ReceivedMedia media = received();
      frames = media.videoFrames();
      String text;
      if (lastTime > 0 && time > lastTime) {
        double seconds = (time - lastTime) / 1000.0;
        text =
            String.format(
                "in %.0f kbit/s, out %.0f kbit/s, received %d video frames %dx%d, audio level %.3f",
                (in - lastIn) * 8 / 1000.0 / seconds,
                (out - lastOut) * 8 / 1000.0 / seconds,
                frames,
                media.width(),
                media.height(),
                media.maxAudioLevel());
      } else {
        text =
            String.format(
                "in %d B, out %d B, received %d video frames, audio level %.3f",
                in, out, frames, media.maxAudioLevel());
      }
      lastIn = in;
      lastOut = out;
      lastTime = time;
      return text;
    }
  }

  /**
   * What a bot sends and receives besides data channels. {@link #attach} runs after
   * setRemoteDescription and before createAnswer (where MDN's callee calls getUserMedia and
   * addTrack).
   */
  public interface Media {
    /** No media: the answer accepts the caller's media as recvonly/inactive. */
    Media NONE =
        new Media() {
          @Override
          public CompletableFuture<Void> attach(RTCPeerConnection pc, String peer) {
            return CompletableFuture.completedFuture(null);
          }

          @Override
          public void detach(RTCPeerConnection pc, String peer) {}
        };

    /**
     * Adds the bot's tracks to a new call's connection.
     *
     * @param pc the call's connection
     * @param peer the other user's name
     * @return completes once the tracks are added
     */
    CompletableFuture<Void> attach(RTCPeerConnection pc, String peer);

    /**
     * Releases what {@link #attach} set up for a call that ended.
     *
     * @param pc the call's connection
     * @param peer the other user's name
     */
    void detach(RTCPeerConnection pc, String peer);
  }

  /** Bot settings. */
  public static final class Builder {
    private final URI signaling;
    private String name = "jrtc-bot";
    private String token;
    private RTCConfiguration configuration = RTCConfiguration.builder().build();
    private Media media = Media.NONE;
    private int maxCalls = 32;
    private Duration statsInterval = Duration.ZERO;
    private Path recordDir;
    private StreamRecorder recorder;

    private Builder(URI signaling) {
      this.signaling = Objects.requireNonNull(signaling);
    }

    /**
     * Sets {@code name}.
     *
     * @param name the value
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name);
      return this;
    }

    /**
     * Sets {@code token}.
     *
     * @param token the value
     * @return this builder
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * The configuration of every call's RTCPeerConnection (default: no ICE servers).
     *
     * @param configuration the value
     * @return this builder
     */
    public Builder configuration(RTCConfiguration configuration) {
      this.configuration = Objects.requireNonNull(configuration);
      return this;
    }

    /**
     * Sets {@code media}.
     *
     * @param media the value
     * @return this builder
     */
    public Builder media(Media media) {
      this.media = Objects.requireNonNull(media);
      return this;
    }

    /**
     * Calls at once at most (default 32); more callers get {@code hang-up}.
     *
     * @param n the value
     * @return this builder
     */
    public Builder maxCalls(int n) {
      this.maxCalls = n;
      return this;
    }

    /**
     * Emit {@link BotEvent.Kind#STATS} this often per connected call (default: never).
     *
     * @param every the value
     * @return this builder
     */
    public Builder statsInterval(Duration every) {
      this.statsInterval = Objects.requireNonNull(every);
      return this;
    }

    /**
     * Records each call: what the call receives (the caller's audio and video) goes to {@code
     * dir/<UTC start, yyyyMMdd'T'HHmmss'Z'>-<peer name reduced to [A-Za-z0-9._-]>.webm} ({@code
     * -2}, {@code -3} … when the name is taken, and for the call's next file when a renegotiation
     * changes what it receives), through {@code recorder} (e.g. {@link
     * StreamRecorder#mediaRecorder()}, which needs FFmpeg). Each file is finished when its call
     * ends (hang-up, the peer leaving, a failed connection) and when the bot closes; {@link
     * BotEvent.Kind#RECORDING} events give the paths. Without this, nothing is recorded.
     *
     * @param dir the directory (created if missing)
     * @param recorder what records a stream into a file
     * @return this builder
     */
    public Builder record(Path dir, StreamRecorder recorder) {
      this.recordDir = Objects.requireNonNull(dir);
      this.recorder = Objects.requireNonNull(recorder);
      return this;
    }

    /**
     * Creates the object with these settings.
     *
     * @return the new object
     */
    public CallBot build() {
      return new CallBot(this);
    }
  }
}

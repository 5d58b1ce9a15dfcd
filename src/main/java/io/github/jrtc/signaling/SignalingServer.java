package io.github.jrtc.signaling;

import io.github.jrtc.signaling.SignalingMessage.ChatMessage;
import io.github.jrtc.signaling.SignalingMessage.Error;
import io.github.jrtc.signaling.SignalingMessage.HangUp;
import io.github.jrtc.signaling.SignalingMessage.NewIceCandidate;
import io.github.jrtc.signaling.SignalingMessage.Other;
import io.github.jrtc.signaling.SignalingMessage.RejectUsername;
import io.github.jrtc.signaling.SignalingMessage.UserList;
import io.github.jrtc.signaling.SignalingMessage.Username;
import io.github.jrtc.signaling.SignalingMessage.VideoAnswer;
import io.github.jrtc.signaling.SignalingMessage.VideoOffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signaling server of MDN's "Signaling and video calling" sample, hardened, on Jetty 12: a
 * WebSocket on any path (subprotocol {@code json}, or none for plain clients) and the call page on
 * {@code /}.
 *
 * <p>Differences from MDN's {@code chatserver.js}, all on purpose: the sender's {@code name} and
 * {@code id} come from its session, never from the message; signaling messages need a {@code
 * target} that is signed in, and go to that user only; HTML is stripped from chat text and names;
 * messages are size- and rate-limited; connections are limited and idle ones time out; a bad
 * message gets an {@code {type:"error"}} answer instead of crashing the server; an access token and
 * an origin check are available.
 *
 * <pre>{@code
 * try (var server = SignalingServer.builder().port(6503).build()) {
 *   server.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling">MDN</a>.
 */
public final class SignalingServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
  static final Set<String> TARGETED =
      Set.of("video-offer", "video-answer", "new-ice-candidate", "hang-up");

  private final Builder config;
  private final Object lock = new Object();
  // Named users in sign-in order; guarded by lock. Peers without a name yet are only in peers.
  private final Map<String, Peer> users = new LinkedHashMap<>();
  private final Set<Peer> peers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong nextId = new AtomicLong(System.currentTimeMillis());
  private final AtomicLong rejectedUpgrades = new AtomicLong();
  private final AtomicLong policyDisconnects = new AtomicLong();
  private volatile Consumer<List<String>> onuserlist = users -> {};
  private Server server;
  private ScheduledExecutorService pinger;
  private volatile boolean closed;

  private SignalingServer(Builder config) {
    this.config = config;
  }

  /**
   * A builder with every setting at its default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening; returns once the port is bound. Fails if it cannot bind.
   *
   * @return this server, listening
   * @throws Exception when it cannot listen (Jetty's start failed)
   */
  public synchronized SignalingServer start() throws Exception {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    if (closed) {
      throw new IllegalStateException("closed");
    }
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("jrtc-signaling");
    threads.setDaemon(true);
    Server s = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    // Jetty's defaults, stated: a request head above this gets 431, whatever it carries.
    http.setRequestHeaderSize(config.maxRequestHeaderBytes);
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(s, new HttpConnectionFactory(http));
    connector.setHost(config.host);
    connector.setPort(config.port);
    // Idle timeouts alone don't stop a client that trickles its request a byte at a time (each
    // byte restarts them): RequestDeadline closes any connection still plain HTTP after this.
    connector.setIdleTimeout(config.requestTimeout.toMillis());
    connector.addBean(new RequestDeadline(config.requestTimeout));
    s.addConnector(connector);
    // Sockets (upgraded or not) at most; past it Jetty stops accepting until one closes, so idle
    // or half-sent connections cost the kernel's backlog, not threads or heap.
    s.addBean(new NetworkConnectionLimit(config.maxSockets, connector));
    WebSocketUpgradeHandler ws =
        WebSocketUpgradeHandler.from(
            s,
            container -> {
              container.setMaxTextMessageSize(config.maxMessageBytes);
              container.setMaxBinaryMessageSize(1024);
              container.setMaxFrameSize(config.maxMessageBytes);
              container.setIdleTimeout(config.idleTimeout);
              container.setMaxOutgoingFrames(config.maxQueuedMessages);
              container.addMapping("/*", this::upgrade);
            });
    ws.setHandler(config.servePage ? new PageHandler() : new NotFoundHandler());
    s.setHandler(ws);
    s.setStopTimeout(2000);
    s.start();
    server = s;
    pinger =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jrtc-signaling-ping");
              t.setDaemon(true);
              return t;
            });
    long every = pingEvery();
    var unused = pinger.scheduleAtFixedRate(this::pingAll, every, every, TimeUnit.MILLISECONDS);
    LOG.info("signaling server listening on {}", uri());
    return this;
  }

  /**
   * The port actually bound (useful with {@code port(0)}).
   *
   * @return the port
   */
  public int port() {
    Server s = server;
    if (s == null) {
      throw new IllegalStateException("not started");
    }
    return ((ServerConnector) s.getConnectors()[0]).getLocalPort();
  }

  /**
   * {@code http://host:port/}, the call page's address.
   *
   * @return the address
   */
  public URI uri() {
    return URI.create("http://" + hostForUri() + ":" + port() + "/");
  }

  /**
   * {@code ws://host:port/}, the WebSocket address (any path works).
   *
   * @return the address
   */
  public URI webSocketUri() {
    return URI.create("ws://" + hostForUri() + ":" + port() + "/");
  }

  private String hostForUri() {
    String h = config.host;
    if (h == null || h.isEmpty() || h.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    return h.contains(":") ? "[" + h + "]" : h;
  }

  /**
   * The signed-in user names, in sign-in order.
   *
   * @return the user names
   */
  public List<String> users() {
    synchronized (lock) {
      return List.copyOf(users.keySet());
    }
  }

  /**
   * Open WebSocket connections (signed in or not).
   *
   * @return the count
   */
  public int connectionCount() {
    return open.get();
  }

  /**
   * Upgrade requests refused (token, origin, subprotocol, connection limit).
   *
   * @return the count
   */
  public long rejectedUpgrades() {
    return rejectedUpgrades.get();
  }

  /**
   * Connections the server dropped for abuse: a message flood, not reading its messages, or silence
   * (no pong). Each is counted once, whether or not the client saw the 1008 close frame: a client
   * still writing may get a reset first.
   *
   * @return the count
   */
  public long policyDisconnects() {
    return policyDisconnects.get();
  }

  void droppedForPolicy() {
    policyDisconnects.incrementAndGet();
  }

  /**
   * Called with the new user list whenever it changes (on a server thread; don't block).
   *
   * @param handler the handler
   */
  public void onuserlist(Consumer<List<String>> handler) {
    this.onuserlist = handler == null ? users -> {} : handler;
  }

  /**
   * Whether the server is started and not closed.
   *
   * @return true while running
   */
  public boolean isRunning() {
    Server s = server;
    return s != null && s.isRunning();
  }

  /** Stops the server, closing every connection. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (pinger != null) {
      pinger.shutdownNow();
    }
    for (Peer p : peers) {
      p.close(1001, "server shutting down");
    }
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        LOG.warn("stopping the signaling server", e);
      }
    }
  }

  private static final int MAX_WARNED_ORIGINS = 64;
  private final Set<String> warnedOrigins = ConcurrentHashMap.newKeySet();

  // ---- upgrade: every check that can be made before a connection exists ----

  private Object upgrade(ServerUpgradeRequest req, ServerUpgradeResponse resp, Callback cb) {
    String remote = Request.getRemoteAddr(req);
    if (closed) {
      return refuse(req, resp, cb, HttpStatus.SERVICE_UNAVAILABLE_503, "closed", remote);
    }
    if (config.accessToken != null && !tokenMatches(req)) {
      return refuse(req, resp, cb, HttpStatus.UNAUTHORIZED_401, "bad or missing token", remote);
    }
    String origin = req.getHeaders().get(HttpHeader.ORIGIN);
    if (!originAllowed(origin, req.getHeaders().get(HttpHeader.HOST))) {
      warnRefusedOrigin(origin);
      return refuse(
          req, resp, cb, HttpStatus.FORBIDDEN_403, "origin " + origin + " not allowed", remote);
    }
    List<String> protocols = req.getSubProtocols();
    if (!protocols.isEmpty()) {
      if (!req.hasSubProtocol("json")) {
        return refuse(
            req, resp, cb, HttpStatus.BAD_REQUEST_400, "subprotocols " + protocols, remote);
      }
      resp.setAcceptedSubProtocol("json");
    }
    if (open.get() >= config.maxConnections) {
      return refuse(req, resp, cb, HttpStatus.SERVICE_UNAVAILABLE_503, "connection limit", remote);
    }
    return new Peer(this, remote);
  }

  private Object refuse(
      ServerUpgradeRequest req,
      ServerUpgradeResponse resp,
      Callback cb,
      int status,
      String why,
      String remote) {
    rejectedUpgrades.incrementAndGet();
    LOG.info("refused WebSocket from {}: {}", remote, why);
    // One refusal per connection: a token guesser has to reconnect for every try.
    resp.getHeaders().put(HttpHeader.CONNECTION, "close");
    Response.writeError(req, resp, cb, status, why);
    return null;
  }

  /**
   * The browser only shows a bare WebSocket error for a refused origin, so the operator must learn
   * it here: once per origin, at WARN, with the setting that allows it. The set is bounded so that
   * a client sending made-up origins cannot grow it.
   */
  private void warnRefusedOrigin(String origin) {
    if (warnedOrigins.size() < MAX_WARNED_ORIGINS && warnedOrigins.add(origin)) {
      LOG.warn(
          "Refused a WebSocket from a page served by another origin, {} (only this server's own"
              + " page may connect by default). To allow it: --allow-origin {} (scripts/jrtc"
              + " serve), or SignalingServer.builder().allowedOrigins(List.of(\"{}\")).",
          origin,
          origin,
          origin);
    }
  }

  private boolean tokenMatches(ServerUpgradeRequest req) {
    String given = null;
    String auth = req.getHeaders().get(HttpHeader.AUTHORIZATION);
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = auth.substring(7).trim();
    }
    if (given == null) {
      Fields query = Request.extractQueryParameters(req, StandardCharsets.UTF_8);
      given = query.getValue("token");
    }
    return given != null
        && MessageDigest.isEqual(
            given.getBytes(StandardCharsets.UTF_8),
            config.accessToken.getBytes(StandardCharsets.UTF_8));
  }

  private boolean originAllowed(String origin, String host) {
    if (origin == null || config.anyOrigin) {
      // No Origin header: not a browser (browsers always send one on WebSocket upgrades), so
      // there is no cross-site page to protect the user from; the token still applies.
      return true;
    }
    String o = origin.toLowerCase(Locale.ROOT);
    if (config.allowedOrigins.contains(o)) {
      return true;
    }
    // Same origin: the page this server served.
    return host != null
        && (o.equals("http://" + host.toLowerCase(Locale.ROOT))
            || o.equals("https://" + host.toLowerCase(Locale.ROOT)));
  }

  // ---- connection life ----

  boolean opened(Peer peer) {
    if (open.incrementAndGet() > config.maxConnections || closed) {
      // Another upgrade won the race for the last slot.
      open.decrementAndGet();
      return false;
    }
    peers.add(peer);
    peer.id = nextId.getAndIncrement();
    peer.bucket = new TokenBucket(config.messagesPerSecond, config.messageBurst);
    peer.send(new SignalingMessage.Id(peer.id));
    return true;
  }

  void closed(Peer peer) {
    if (!peers.remove(peer)) {
      return;
    }
    try {
      synchronized (lock) {
        if (peer.name != null && users.get(peer.name) == peer) {
          users.remove(peer.name);
          sendUserList();
        }
      }
    } finally {
      // Last: once the count drops, the user is gone from the list too.
      open.decrementAndGet();
    }
  }

  void received(Peer peer, String text) {
    if (!peer.bucket.tryTake()) {
      peer.rateLimited();
      return;
    }
    SignalingMessage msg;
    try {
      msg = SignalingCodec.decode(text);
    } catch (SignalingCodec.MalformedMessageException e) {
      peer.send(new Error(e.code(), e.getMessage()));
      return;
    }
    if (msg instanceof Username u) {
      signIn(peer, u);
      return;
    }
    String from = peer.name;
    if (from == null) {
      peer.send(new Error("not-signed-in", "send a \"username\" message first"));
      return;
    }
    SignalingMessage out;
    if (msg instanceof ChatMessage m) {
      long date = m.date() == null ? System.currentTimeMillis() : m.date();
      out = new ChatMessage(stripHtml(m.text()), from, peer.id, date);
    } else if (msg instanceof VideoOffer m) {
      out = new VideoOffer(from, m.target(), m.sdp());
    } else if (msg instanceof VideoAnswer m) {
      out = new VideoAnswer(from, m.target(), m.sdp());
    } else if (msg instanceof NewIceCandidate m) {
      out = new NewIceCandidate(from, m.target(), m.candidate());
    } else if (msg instanceof HangUp m) {
      out = new HangUp(from, m.target());
    } else if (msg instanceof Other m) {
      out = new Other(m.type(), from, m.target(), m.json());
    } else {
      // id, rejectusername, userlist, error: only the server says these.
      peer.send(
          new Error("bad-message", "\"" + msg.type() + "\" is sent by the server, not to it"));
      return;
    }
    String target = out.target();
    if (target == null || target.isEmpty()) {
      if (TARGETED.contains(out.type())) {
        peer.send(new Error("missing-target", "\"" + out.type() + "\" needs a \"target\" user"));
        return;
      }
      broadcast(out);
      return;
    }
    Peer to;
    synchronized (lock) {
      to = users.get(target);
    }
    if (to == null) {
      peer.send(new Error("unknown-target", "no user named \"" + target + "\" is signed in"));
      return;
    }
    to.send(out);
  }

  private void signIn(Peer peer, Username u) {
    String wanted = cleanName(u.name());
    if (wanted.isEmpty()) {
      peer.send(new Error("bad-name", "the name is empty once HTML and control characters go"));
      return;
    }
    synchronized (lock) {
      if (peer.name != null && users.get(peer.name) == peer) {
        users.remove(peer.name);
      }
      String name = wanted;
      for (int n = 1; users.containsKey(name); n++) {
        name = wanted + n;
      }
      if (!name.equals(u.name())) {
        peer.send(new RejectUsername(peer.id, name));
      }
      peer.name = name;
      users.put(name, peer);
      sendUserList();
    }
  }

  private void sendUserList() {
    List<String> names = List.copyOf(users.keySet());
    String json = SignalingCodec.encode(new UserList(names));
    // A copy: a send can close a slow peer synchronously, which re-enters closed() and changes
    // users while this loop runs.
    for (Peer p : List.copyOf(users.values())) {
      try {
        p.sendRaw(json);
      } catch (RuntimeException e) {
        LOG.debug("user list to {}", p, e);
      }
    }
    try {
      onuserlist.accept(names);
    } catch (RuntimeException e) {
      LOG.warn("onuserlist handler failed", e);
    }
  }

  private void broadcast(SignalingMessage msg) {
    String json = SignalingCodec.encode(msg);
    List<Peer> to;
    synchronized (lock) {
      to = new ArrayList<>(users.values());
    }
    for (Peer p : to) {
      p.sendRaw(json);
    }
  }

  private void pingAll() {
    // At least three pings unanswered: one late pong on a loaded machine is not a dead client.
    long silence =
        Math.max(config.idleTimeout.toNanos(), 3 * TimeUnit.MILLISECONDS.toNanos(pingEvery()));
    for (Peer p : peers) {
      try {
        p.ping(silence);
      } catch (RuntimeException e) {
        // One broken connection must not end the pinger (a scheduled task that throws stops).
        LOG.debug("pinging {}", p, e);
      }
    }
  }

  private long pingEvery() {
    return Math.max(1000, config.idleTimeout.toMillis() / 3);
  }

  int maxQueuedMessages() {
    return config.maxQueuedMessages;
  }

  int maxRateViolations() {
    return config.maxRateViolations;
  }

  /** MDN's {@code text.replace(/(<([^>]+)>)/ig, "")}, plus dangling {@code <} at the end. */
  static String stripHtml(String text) {
    String s = TAG.matcher(text).replaceAll("");
    int lt = s.lastIndexOf('<');
    return lt >= 0 && s.indexOf('>', lt) < 0 ? s.substring(0, lt) + s.substring(lt + 1) : s;
  }

  private String cleanName(String name) {
    String s = CONTROL.matcher(stripHtml(name)).replaceAll("").strip();
    if (s.codePointCount(0, s.length()) > config.maxNameLength) {
      s = s.substring(0, s.offsetByCodePoints(0, config.maxNameLength));
    }
    return s;
  }

  /** Configuration; every setting has a safe default. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 6503;
    private int maxConnections = 1000;
    private int maxMessageBytes = 64 * 1024;
    private double messagesPerSecond = 50;
    private int messageBurst = 200;
    private int maxRateViolations = 1000;
    private int maxQueuedMessages = 1024;
    private int maxNameLength = 64;
    private Duration idleTimeout = Duration.ofSeconds(60);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private int maxSockets = 2000;
    private int maxRequestHeaderBytes = 8 * 1024;
    private String accessToken;
    private final Set<String> allowedOrigins = ConcurrentHashMap.newKeySet();
    private boolean anyOrigin;
    private boolean servePage = true;

    private Builder() {}

    /**
     * Address to bind; {@code 127.0.0.1} by default, {@code 0.0.0.0} for every interface.
     *
     * @param host the value
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /**
     * Port; 6503 (MDN's) by default, 0 for any free port.
     *
     * @param port the value
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Open WebSocket connections at most (default 1000); more get HTTP 503.
     *
     * @param n the value
     * @return this builder
     */
    public Builder maxConnections(int n) {
      this.maxConnections = positive(n);
      return this;
    }

    /**
     * Largest message in bytes (default 64 KiB); a bigger one closes that connection (1009).
     *
     * @param n the value
     * @return this builder
     */
    public Builder maxMessageBytes(int n) {
      this.maxMessageBytes = positive(n);
      return this;
    }

    /**
     * Per-connection rate (default 50 messages/s, bursts of 200): a message over budget is dropped
     * and answered with a {@code rate-limited} error; {@code maxViolations} drops (default 1000)
     * close the connection (1008).
     *
     * @param perSecond the {@code perSecond} value
     * @param burst the {@code burst} value
     * @param maxViolations the {@code maxViolations} value
     * @return this builder
     */
    public Builder rateLimit(double perSecond, int burst, int maxViolations) {
      if (!(perSecond > 0)) {
        throw new IllegalArgumentException("perSecond " + perSecond);
      }
      this.messagesPerSecond = perSecond;
      this.messageBurst = positive(burst);
      this.maxRateViolations = positive(maxViolations);
      return this;
    }

    /**
     * Messages queued to one slow receiver at most (default 1024) before it is disconnected.
     *
     * @param n the value
     * @return this builder
     */
    public Builder maxQueuedMessages(int n) {
      this.maxQueuedMessages = positive(n);
      return this;
    }

    /**
     * Longest user name in characters (default 64); longer ones are cut.
     *
     * @param n the value
     * @return this builder
     */
    public Builder maxNameLength(int n) {
      this.maxNameLength = positive(n);
      return this;
    }

    /**
     * A connection silent for this long is closed (default 60 s). The server pings every third of
     * it (every second at least), so a live client (browsers and the JDK's WebSocket answer pings)
     * never times out; one that answers neither messages nor pings for this long, and for three
     * pings, is disconnected without a close handshake (it may not be reading at all).
     *
     * @param timeout the value
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("idle timeout " + timeout);
      }
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * A connection must finish its HTTP request (the WebSocket upgrade, or a page request) within
     * this time (default 10 s), however it trickles it in; then it is closed. Upgraded WebSockets
     * are governed by {@link #idleTimeout} instead.
     *
     * @param timeout the value
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("request timeout " + timeout);
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * Open TCP connections at most (default 2000), WebSockets and unfinished requests together;
     * more wait in the kernel's accept queue until one closes. Keep it above {@link
     * #maxConnections} so that sockets that never finish a request (closed after {@link
     * #requestTimeout}) can't starve real clients of WebSocket slots for long.
     *
     * @param n the value
     * @return this builder
     */
    public Builder maxSockets(int n) {
      this.maxSockets = positive(n);
      return this;
    }

    /**
     * Largest HTTP request head (request line and headers) in bytes (default 8 KiB); 431 above.
     *
     * @param n the value
     * @return this builder
     */
    public Builder maxRequestHeaderBytes(int n) {
      this.maxRequestHeaderBytes = positive(n);
      return this;
    }

    /**
     * Requires this token on every WebSocket: {@code ?token=...} in the URL or an {@code
     * Authorization: Bearer ...} header. Null (default) requires none.
     *
     * @param token the value
     * @return this builder
     */
    public Builder accessToken(String token) {
      this.accessToken = token == null || token.isEmpty() ? null : token;
      return this;
    }

    /**
     * Browser origins (such as {@code https://app.example}) allowed besides the server's own. By
     * default only pages from this server (and non-browser clients, which send no Origin) may
     * connect.
     *
     * @param origins the value
     * @return this builder
     */
    public Builder allowedOrigins(List<String> origins) {
      origins.forEach(o -> allowedOrigins.add(o.toLowerCase(Locale.ROOT)));
      return this;
    }

    /**
     * Lets pages from any origin connect (turns the origin check off).
     *
     * @param any the value
     * @return this builder
     */
    public Builder allowAnyOrigin(boolean any) {
      this.anyOrigin = any;
      return this;
    }

    /**
     * Serves the call page on {@code /} (default true).
     *
     * @param serve the value
     * @return this builder
     */
    public Builder servePage(boolean serve) {
      this.servePage = serve;
      return this;
    }

    /**
     * Creates the object with these settings.
     *
     * @return the new object
     */
    public SignalingServer build() {
      return new SignalingServer(this);
    }

    private static int positive(int n) {
      if (n <= 0) {
        throw new IllegalArgumentException("must be positive: " + n);
      }
      return n;
    }
  }
}

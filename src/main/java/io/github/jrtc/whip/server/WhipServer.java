package io.github.jrtc.whip.server;

import io.github.jrtc.RTCBundlePolicy;
import io.github.jrtc.RTCConfiguration;
import io.github.jrtc.RTCIceServer;
import io.github.jrtc.RTCRtcpMuxPolicy;
import io.github.jrtc.media.StreamRecorder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WHIP ingest endpoint (RFC 9725) with WHEP playback (draft-ietf-wish-whep), on Jetty 12: WHIP
 * publishers POST to {@code /whip}, each session is recorded (through a {@link StreamRecorder}) and
 * can be played at {@code /whep/<session id>} by several viewers.
 *
 * <pre>{@code
 * try (var server = WhipServer.builder().port(8080).record(Path.of("rec"), "webm", recorder).build()) {
 *   server.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>Statuses: 201 created; 400 malformed SDP or fragment; 401 missing or wrong token; 404 unknown
 * session; 405 method not allowed on that resource; 409 WHEP viewer of a session whose publisher is
 * not connected (with Retry-After); 412 entity-tag mismatch; 413 body over the limit; 415 wrong
 * content type; 422 ICE restart (not supported: trickle is) or an offer with more than one audio or
 * video track; 428 PATCH without If-Match; 429 over the per-client request rate; 503 over the
 * session or viewer limit (with Retry-After).
 */
public final class WhipServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WhipServer.class);

  final Builder config;
  private Server server;
  private WhipHandler handler;
  private ScheduledExecutorService timers;
  private volatile boolean closed;

  private WhipServer(Builder config) {
    this.config = config;
  }

  /**
   * Starts a builder with the defaults listed on its setters (127.0.0.1:8080, no token, no
   * recording).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts listening; returns once the port is bound.
   *
   * @return this server
   * @throws IllegalStateException if already started or closed
   * @throws Exception if Jetty cannot start, e.g. the port is in use
   */
  public synchronized WhipServer start() throws Exception {
    if (server != null || closed) {
      throw new IllegalStateException(closed ? "closed" : "already started");
    }
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("jrtc-whip-http");
    threads.setDaemon(true);
    Server s = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(8 * 1024);
    ServerConnector connector = new ServerConnector(s, new HttpConnectionFactory(http));
    connector.setHost(config.host);
    connector.setPort(config.port);
    connector.setIdleTimeout(30_000);
    s.addConnector(connector);
    timers =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jrtc-whip-timers");
              t.setDaemon(true);
              return t;
            });
    handler = new WhipHandler(this, timers);
    s.setHandler(handler);
    s.setStopTimeout(2000);
    s.start();
    server = s;
    LOG.info("WHIP endpoint on {}", whipUri());
    return this;
  }

  /**
   * The port actually bound (the chosen one when the builder's port was 0).
   *
   * @return the local port
   * @throws IllegalStateException if the server was not started
   */
  public int port() {
    Server s = server;
    if (s == null) {
      throw new IllegalStateException("not started");
    }
    return ((ServerConnector) s.getConnectors()[0]).getLocalPort();
  }

  /**
   * {@code http://host:port/whip}, the WHIP endpoint; {@code 127.0.0.1} stands for a wildcard bind
   * address.
   *
   * @return the URL publishers POST their offer to
   * @throws IllegalStateException if the server was not started
   */
  public URI whipUri() {
    return URI.create("http://" + hostForUri() + ":" + port() + "/whip");
  }

  /**
   * {@code http://host:port/whep/<id>}, the WHEP endpoint of a WHIP session.
   *
   * @param sessionId the WHIP session's id, as in {@link SessionInfo}
   * @return the URL viewers POST their offer to
   * @throws IllegalStateException if the server was not started
   */
  public URI whepUri(String sessionId) {
    return URI.create("http://" + hostForUri() + ":" + port() + "/whep/" + sessionId);
  }

  private String hostForUri() {
    String h = config.host;
    if (h.isEmpty() || h.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    return h.contains(":") ? "[" + h + "]" : h;
  }

  /**
   * Every live WHIP session.
   *
   * @return a snapshot of the sessions; empty before {@link #start()}
   */
  public List<SessionInfo> sessions() {
    WhipHandler h = handler;
    return h == null ? List.of() : h.sessions();
  }

  /**
   * WHEP viewers across all sessions.
   *
   * @return the number of live viewers; 0 before {@link #start()}
   */
  public int viewerCount() {
    WhipHandler h = handler;
    return h == null ? 0 : h.viewerCount();
  }

  /** Clients with a request budget in the rate limiter's table. */
  int rateLimitedClients() {
    WhipHandler h = handler;
    return h == null ? 0 : h.rateLimitedClients();
  }

  /**
   * Ends every session, stops listening and returns once every recording is finished (each file
   * complete), those of sessions that ended just before included, or once {@link
   * Builder#finishTimeout} has passed (logged). Idempotent; a second call returns at once.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    CompletableFuture<Void> recordings =
        handler == null ? CompletableFuture.completedFuture(null) : handler.closeAll();
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        LOG.warn("stopping the WHIP server", e);
      }
    }
    if (timers != null) {
      timers.shutdownNow();
    }
    try {
      recordings.get(config.finishTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.warn("interrupted while the recordings were finishing");
    } catch (TimeoutException e) {
      LOG.warn("recordings not finished within {}; closing anyway", config.finishTimeout);
    } catch (ExecutionException e) {
      LOG.warn("finishing the recordings", e.getCause()); // Publisher.close() never fails it
    }
  }

  boolean isClosed() {
    return closed;
  }

  RTCConfiguration peerConfiguration() {
    return RTCConfiguration.builder()
        .bundlePolicy(RTCBundlePolicy.MAX_BUNDLE)
        .rtcpMuxPolicy(RTCRtcpMuxPolicy.REQUIRE)
        .build();
  }

  /** Configuration; every setting has a safe default. */
  public static final class Builder {
    String host = "127.0.0.1";
    int port = 8080;
    String token;
    Path recordDir;
    String format = "webm";
    StreamRecorder recorder;
    int maxSessions = 32;
    int maxViewers = 8;
    double requestsPerSecond = 20;
    int requestBurst = 40;
    int maxBodyBytes = 64 * 1024;
    Duration gatheringTimeout = Duration.ofSeconds(5);
    Duration connectTimeout = Duration.ofSeconds(20);
    Duration retryAfter = Duration.ofSeconds(5);
    Duration finishTimeout = Duration.ofSeconds(60);
    final List<RTCIceServer> iceServers = new ArrayList<>();

    private Builder() {}

    /**
     * Address to bind; {@code 127.0.0.1} by default, {@code 0.0.0.0} for every interface.
     *
     * @param host a host name or IP address; not null
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host);
      return this;
    }

    /**
     * Port (default 8080; 0 for any free one).
     *
     * @param port 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Requires {@code Authorization: Bearer <token>} on every request but CORS preflights (RFC 9725
     * section 4.7.1).
     *
     * @param token the token; null or empty requires none (the default)
     * @return this builder
     */
    public Builder token(String token) {
      this.token = token == null || token.isEmpty() ? null : token;
      return this;
    }

    /**
     * Records each session to {@code dir/<session id>.<format>} through {@code recorder}. Without
     * this, sessions are not recorded.
     *
     * @param dir the directory the recordings are written to
     * @param format the container and file extension: {@code "webm"} or {@code "mp4"}
     * @param recorder what records each session, e.g. {@link StreamRecorder#mediaRecorder()}
     * @return this builder
     * @throws IllegalArgumentException if {@code format} is neither {@code "webm"} nor {@code
     *     "mp4"}
     */
    public Builder record(Path dir, String format, StreamRecorder recorder) {
      if (!format.equals("webm") && !format.equals("mp4")) {
        throw new IllegalArgumentException("format must be webm or mp4: " + format);
      }
      this.recordDir = Objects.requireNonNull(dir);
      this.format = format;
      this.recorder = Objects.requireNonNull(recorder);
      return this;
    }

    /**
     * Live WHIP sessions at most (default 32); more get 503 with Retry-After.
     *
     * @param n the limit, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is zero or negative
     */
    public Builder maxSessions(int n) {
      this.maxSessions = positive(n);
      return this;
    }

    /**
     * WHEP viewers per session at most (default 8); more get 503 with Retry-After.
     *
     * @param n the limit, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is zero or negative
     */
    public Builder maxViewers(int n) {
      this.maxViewers = positive(n);
      return this;
    }

    /**
     * Requests per client address (default 20/s, bursts of 40); more get 429.
     *
     * @param perSecond the sustained rate in requests per second, positive
     * @param burst how many requests may come at once, positive
     * @return this builder
     * @throws IllegalArgumentException if either is zero, negative or NaN
     */
    public Builder rateLimit(double perSecond, int burst) {
      if (!(perSecond > 0)) {
        throw new IllegalArgumentException("perSecond " + perSecond);
      }
      this.requestsPerSecond = perSecond;
      this.requestBurst = positive(burst);
      return this;
    }

    /**
     * Largest request body (default 64 KiB); bigger ones get 413.
     *
     * @param n the limit in bytes, positive
     * @return this builder
     * @throws IllegalArgumentException if {@code n} is zero or negative
     */
    public Builder maxBodyBytes(int n) {
      this.maxBodyBytes = positive(n);
      return this;
    }

    /**
     * How long an answer waits for ICE gathering to complete (default 5 s).
     *
     * @param d the timeout; not null
     * @return this builder
     */
    public Builder gatheringTimeout(Duration d) {
      this.gatheringTimeout = Objects.requireNonNull(d);
      return this;
    }

    /**
     * A session (or viewer) not connected this long after its 201 is ended (default 20 s).
     *
     * @param d the timeout; not null
     * @return this builder
     */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = Objects.requireNonNull(d);
      return this;
    }

    /**
     * The Retry-After sent with 503 and 409 (default 5 s).
     *
     * @param d the delay clients are told to wait; not null
     * @return this builder
     */
    public Builder retryAfter(Duration d) {
      this.retryAfter = Objects.requireNonNull(d);
      return this;
    }

    /**
     * How long {@link WhipServer#close()} waits for the recordings to finish (default 60 s; a
     * recorder gives up on its own file after 30 s).
     *
     * @param d the longest wait; not null
     * @return this builder
     */
    public Builder finishTimeout(Duration d) {
      this.finishTimeout = Objects.requireNonNull(d);
      return this;
    }

    /**
     * Adds a STUN/TURN server announced in each 201 as {@code Link rel="ice-server"} (RFC 9725
     * section 4.6); may be called several times.
     *
     * @param server the server to announce; not null
     * @return this builder
     */
    public Builder iceServer(RTCIceServer server) {
      this.iceServers.add(Objects.requireNonNull(server));
      return this;
    }

    /**
     * Creates the server, not yet listening: call {@link WhipServer#start()}.
     *
     * @return a new server
     */
    public WhipServer build() {
      return new WhipServer(this);
    }

    private static int positive(int n) {
      if (n <= 0) {
        throw new IllegalArgumentException("must be positive: " + n);
      }
      return n;
    }
  }
}

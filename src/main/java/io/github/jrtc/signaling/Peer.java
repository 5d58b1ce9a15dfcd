package io.github.jrtc.signaling;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to {@link SignalingServer}. Public only because Jetty calls its listener
 * methods through public method handles; there is nothing here for applications.
 */
public final class Peer implements Session.Listener.AutoDemanding {
  private static final Logger LOG = LoggerFactory.getLogger(Peer.class);

  private final SignalingServer server;
  private final String remote;
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicInteger violations = new AtomicInteger();
  private final AtomicBoolean dropped = new AtomicBoolean();
  private volatile Session session;
  private volatile long lastRateError;
  // Last time anything (message, pong) came from the client; System.nanoTime().
  private volatile long lastHeard = System.nanoTime();
  volatile long id;
  // Written under the server's lock; read from this connection's thread.
  volatile String name;
  volatile TokenBucket bucket;

  Peer(SignalingServer server, String remote) {
    this.server = server;
    this.remote = remote;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    if (!server.opened(this)) {
      session.close(StatusCode.TRY_AGAIN_LATER, "connection limit", Callback.NOOP);
      return;
    }
    LOG.debug("connection {} from {}", id, remote);
  }

  @Override
  public void onWebSocketText(String message) {
    lastHeard = System.nanoTime();
    try {
      server.received(this, message);
    } catch (RuntimeException e) {
      // A bug must cost this one message, never the connection's thread or the server.
      LOG.error("handling a message from {} ({})", name, remote, e);
      send(new SignalingMessage.Error("internal-error", "the server could not handle that"));
    }
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    lastHeard = System.nanoTime();
    callback.succeed();
    send(new SignalingMessage.Error("bad-message", "messages are JSON text, not binary"));
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    lastHeard = System.nanoTime();
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    LOG.debug("connection {} ({}) error: {}", id, remote, cause.toString());
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    LOG.debug("connection {} ({}) closed {} {}", id, remote, statusCode, reason);
    server.closed(this);
  }

  void send(SignalingMessage message) {
    sendRaw(SignalingCodec.encode(message));
  }

  void sendRaw(String json) {
    Session s = session;
    if (s == null || !s.isOpen()) {
      return;
    }
    if (queued.incrementAndGet() > server.maxQueuedMessages()) {
      // A receiver that does not read must not make the server buffer without bound.
      queued.decrementAndGet();
      LOG.info("disconnecting {} ({}): not reading its messages", name, remote);
      drop();
      close(StatusCode.POLICY_VIOLATION, "too slow");
      return;
    }
    s.sendText(json, Callback.from(queued::decrementAndGet, e -> queued.decrementAndGet()));
  }

  void rateLimited() {
    if (violations.incrementAndGet() >= server.maxRateViolations()) {
      LOG.info("disconnecting {} ({}): message flood", name, remote);
      drop();
      close(StatusCode.POLICY_VIOLATION, "message rate limit");
      return;
    }
    long now = System.nanoTime();
    // One error per second at most: answering every dropped message would be a flood of its own.
    if (now - lastRateError > 1_000_000_000L) {
      lastRateError = now;
      send(new SignalingMessage.Error("rate-limited", "too many messages; some were dropped"));
    }
  }

  /**
   * Pings a live client; drops one that has answered nothing (no message, no pong) for {@code
   * silenceNanos}. Jetty's idle timeout alone would never fire: the server's own pings count as
   * activity, so a client that stopped reading would be kept (and buffered for) forever.
   */
  void ping(long silenceNanos) {
    Session s = session;
    if (s == null || !s.isOpen()) {
      return;
    }
    if (System.nanoTime() - lastHeard > silenceNanos) {
      LOG.info("disconnecting {} ({}): silent, no pong", name, remote);
      drop();
      // No close handshake: a client that doesn't read would never complete it.
      s.disconnect();
      return;
    }
    s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
  }

  /** Counts this connection once among the server's policy disconnects. */
  private void drop() {
    if (dropped.compareAndSet(false, true)) {
      server.droppedForPolicy();
    }
  }

  void close(int code, String reason) {
    Session s = session;
    if (s != null && s.isOpen()) {
      s.close(code, reason, Callback.NOOP);
    }
  }

  @Override
  public String toString() {
    return "Peer[" + id + " " + name + " " + remote + "]";
  }
}

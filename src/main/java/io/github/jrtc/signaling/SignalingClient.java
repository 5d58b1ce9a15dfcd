package io.github.jrtc.signaling;

import io.github.jrtc.signaling.SignalingMessage.Id;
import io.github.jrtc.signaling.SignalingMessage.RejectUsername;
import io.github.jrtc.signaling.SignalingMessage.UserList;
import io.github.jrtc.signaling.SignalingMessage.Username;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of MDN's signaling protocol on the JDK's {@link java.net.http.WebSocket}: connects,
 * signs in with a name (answering the server's {@code id} with {@code username}, as the MDN page
 * does), keeps the user list, sends and receives {@link SignalingMessage}s, and reconnects with
 * exponential backoff when the connection drops.
 *
 * <p>Handlers run one at a time, in arrival order, on the client's own thread; a handler may call
 * {@link #send} but should not block for long.
 *
 * <pre>{@code
 * try (var client = SignalingClient.builder(URI.create("ws://127.0.0.1:6503/")).name("alice").build()) {
 *   client.onmessage(m -> { if (m instanceof SignalingMessage.VideoOffer o) ... });
 *   String myName = client.connect().join();  // the name the server gave (maybe "alice1")
 *   client.send(new SignalingMessage.ChatMessage("hello"));
 * }
 * }</pre>
 *
 * <p>See <a
 * href="https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Signaling_and_video_calling">MDN</a>.
 */
public final class SignalingClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingClient.class);

  /** The client's connection state, for status lines. */
  public enum State {
    /** Not connected yet. */
    NEW,
    /** Connecting and signing in. */
    CONNECTING,
    /** Signed in: the server accepted a name and sent the user list. */
    JOINED,
    /** Lost the connection; trying again after a backoff. */
    RECONNECTING,
    /** Closed; it does not reconnect. */
    CLOSED
  }

  private final Builder config;
  private final HttpClient http;
  private final ExecutorService events;
  private final ScheduledExecutorService timer;
  private final Object lock = new Object();
  private volatile Consumer<SignalingMessage> onmessage = m -> {};
  private volatile Consumer<State> onstatechange = s -> {};
  private volatile State state = State.NEW;
  private volatile String name;
  private volatile Long id;
  private volatile List<String> users = List.of();
  private WebSocket socket; // guarded by lock
  private CompletableFuture<?> sendChain = CompletableFuture.completedFuture(null); // lock
  private CompletableFuture<String> joined = new CompletableFuture<>();
  private boolean joinPending; // lock: username sent, waiting for the user list
  private int attempt;

  private SignalingClient(Builder config) {
    this.config = config;
    this.name = config.name;
    this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout).build();
    this.events =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "jrtc-signaling-client-" + config.name);
              t.setDaemon(true);
              return t;
            });
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jrtc-signaling-reconnect-" + config.name);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * A client for the server at {@code uri} ({@code ws://host:port/}, any path).
   *
   * @param uri the server's WebSocket address
   * @return a new builder
   */
  public static Builder builder(URI uri) {
    return new Builder(uri);
  }

  /**
   * Connects and signs in. Completes with the name the server assigned (the asked-for one, or a
   * numbered variant after {@code rejectusername}) once the user list arrives; fails if the first
   * connection cannot be made (later drops are retried when {@code reconnect} is on).
   *
   * @return the name the server gave
   */
  public CompletableFuture<String> connect() {
    CompletableFuture<String> result;
    synchronized (lock) {
      if (state == State.CLOSED) {
        return CompletableFuture.failedFuture(new IllegalStateException("closed"));
      }
      result = joined;
      if (state != State.NEW) {
        return result.copy();
      }
      setState(State.CONNECTING);
    }
    open();
    return result.copy();
  }

  private void open() {
    WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(config.connectTimeout);
    b.subprotocols("json");
    if (config.token != null) {
      b.header("Authorization", "Bearer " + config.token);
    }
    CompletableFuture<WebSocket> ws = b.buildAsync(config.uri, new Listener());
    var unused =
        ws.whenComplete(
            (socket, error) -> {
              if (error != null) {
                LOG.debug("connecting to {} failed: {}", config.uri, error.toString());
                lost(null, error);
              }
            });
  }

  /**
   * Sends a message; the future completes when it has been handed to the socket.
   *
   * @param message the message
   * @return completes once handed to the socket
   */
  public CompletableFuture<Void> send(SignalingMessage message) {
    String json;
    try {
      json = SignalingCodec.encode(message);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return sendRaw(json);
  }

  /**
   * Sends raw text (tests use this to speak bad protocol on purpose).
   *
   * @param text the text
   * @return completes once handed to the socket
   */
  public CompletableFuture<Void> sendRaw(String text) {
    synchronized (lock) {
      WebSocket ws = socket;
      if (ws == null || state == State.CLOSED) {
        return CompletableFuture.failedFuture(
            new IllegalStateException("not connected (" + state + ")"));
      }
      // The JDK's WebSocket refuses a send while the previous one is pending: chain them.
      CompletableFuture<Void> next =
          sendChain
              .exceptionally(e -> null)
              .thenCompose(v -> ws.sendText(text, true))
              .thenApply(w -> (Void) null);
      sendChain = next;
      return next;
    }
  }

  /**
   * Sets the handler for every message from the server (the sign-in ones included).
   *
   * @param handler the handler
   */
  public void onmessage(Consumer<SignalingMessage> handler) {
    this.onmessage = handler == null ? m -> {} : handler;
  }

  /**
   * Sets the handler for state changes.
   *
   * @param handler the handler; null removes it
   */
  public void onstatechange(Consumer<State> handler) {
    this.onstatechange = handler == null ? s -> {} : handler;
  }

  /**
   * The current connection state.
   *
   * @return the state
   */
  public State state() {
    return state;
  }

  /**
   * The current name: the asked-for one until the server renames it.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * This session's id from the server's {@code id} message, or null before it.
   *
   * @return the id, or null
   */
  public Long id() {
    return id;
  }

  /**
   * The latest user list (everyone signed in, this client included).
   *
   * @return the user names
   */
  public List<String> users() {
    return users;
  }

  @Override
  public void close() {
    WebSocket ws;
    synchronized (lock) {
      if (state == State.CLOSED) {
        return;
      }
      setState(State.CLOSED);
      ws = socket;
      socket = null;
    }
    if (ws != null) {
      var unused =
          ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
              .orTimeout(2, TimeUnit.SECONDS)
              .whenComplete((w, e) -> ws.abort());
    }
    joined.completeExceptionally(new IllegalStateException("closed"));
    timer.shutdownNow();
    events.shutdown();
  }

  // ---- connection events, all funneled through the events thread ----

  private void setState(State s) {
    if (state == s) {
      return;
    }
    state = s;
    Consumer<State> h = onstatechange;
    execute(() -> guard(() -> h.accept(s)));
  }

  private void execute(Runnable r) {
    try {
      events.execute(r);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed: late events from the socket are dropped.
    }
  }

  private void handle(WebSocket ws, String text) {
    SignalingMessage msg;
    try {
      msg = SignalingCodec.decode(text);
    } catch (RuntimeException e) {
      LOG.warn("ignoring a malformed message from the server: {}", e.getMessage());
      return;
    }
    if (msg instanceof Id m) {
      id = m.id();
      synchronized (lock) {
        joinPending = true;
      }
      // As MDN's page does: answer the id with the wanted name.
      var unused = send(new Username(config.name, System.currentTimeMillis(), m.id()));
    } else if (msg instanceof RejectUsername m) {
      name = m.name();
    } else if (msg instanceof UserList m) {
      users = m.users();
      boolean first;
      CompletableFuture<String> j;
      synchronized (lock) {
        first = joinPending && state != State.CLOSED;
        joinPending = false;
        if (first) {
          attempt = 0;
          setState(State.JOINED);
        }
        j = joined;
      }
      if (first) {
        j.complete(name);
      }
    }
    Consumer<SignalingMessage> h = onmessage;
    guard(() -> h.accept(msg));
  }

  private void lost(WebSocket from, Throwable why) {
    long delay;
    synchronized (lock) {
      if (from != null && socket != from) {
        return; // an old socket's late news, or already handled
      }
      socket = null;
      if (state == State.CLOSED) {
        return;
      }
      boolean everJoined = joined.isDone();
      if (!config.reconnect || (!everJoined && attempt == 0 && state == State.CONNECTING)) {
        // The first connection failed: tell the caller instead of retrying forever.
        setState(State.CLOSED);
        joined.completeExceptionally(
            why != null ? why : new IllegalStateException("connection closed"));
        timer.shutdownNow();
        events.shutdown();
        return;
      }
      if (joined.isDone()) {
        joined = new CompletableFuture<>();
      }
      setState(State.RECONNECTING);
      long base = config.initialBackoff.toMillis() << Math.min(attempt, 16);
      delay = Math.min(base, config.maxBackoff.toMillis());
      delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
      attempt++;
    }
    LOG.info("signaling connection lost ({}); reconnecting in {} ms", why, delay);
    var unused =
        timer.schedule(
            () -> {
              synchronized (lock) {
                if (state == State.CLOSED) {
                  return;
                }
              }
              open();
            },
            delay,
            TimeUnit.MILLISECONDS);
  }

  private static void guard(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.error("signaling handler failed", e);
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void onOpen(WebSocket ws) {
      synchronized (lock) {
        if (state == State.CLOSED) {
          ws.abort();
          return;
        }
        socket = ws;
        sendChain = CompletableFuture.completedFuture(null);
      }
      LOG.debug("connected to {}", config.uri);
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (partial.length() > config.maxMessageChars) {
        ws.abort();
        execute(() -> lost(ws, new IllegalStateException("message from server too large")));
        return null;
      }
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        execute(() -> handle(ws, text));
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      execute(() -> lost(ws, new IllegalStateException("closed " + statusCode + " " + reason)));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      execute(() -> lost(ws, error));
    }
  }

  /** Client settings. */
  public static final class Builder {
    private final URI uri;
    private String name = "jrtc";
    private String token;
    private boolean reconnect = true;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private int maxMessageChars = 1 << 20;

    private Builder(URI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
    }

    /**
     * The name to sign in with (default "jrtc").
     *
     * @param name the value
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * The server's access token, sent as {@code Authorization: Bearer}.
     *
     * @param token the value
     * @return this builder
     */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /**
     * Reconnect after a drop (default true), waiting initial, 2×, 4×… up to max, jittered.
     *
     * @param reconnect the value
     * @return this builder
     */
    public Builder reconnect(boolean reconnect) {
      this.reconnect = reconnect;
      return this;
    }

    /**
     * The reconnect backoff: the first wait and the longest (jittered, doubling).
     *
     * @param initial the first wait
     * @param max the longest wait
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets {@code connectTimeout}.
     *
     * @param timeout the value
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Creates the object with these settings.
     *
     * @return the new object
     */
    public SignalingClient build() {
      return new SignalingClient(this);
    }
  }
}

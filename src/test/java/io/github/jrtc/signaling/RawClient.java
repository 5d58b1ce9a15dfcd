package io.github.jrtc.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A deliberately dumb protocol client for hostile-client tests: raw JSON text in, every received
 * message kept in order, no validation of its own.
 */
final class RawClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  final List<JsonNode> all = java.util.Collections.synchronizedList(new ArrayList<>());
  final CompletableFuture<Integer> closed = new CompletableFuture<>();

  /** The reason of the server's close frame; not completed when the connection failed instead. */
  final CompletableFuture<String> closeReason = new CompletableFuture<>();

  final CompletableFuture<Throwable> failure = new CompletableFuture<>();
  WebSocket ws;
  long id;
  String name;

  static CompletableFuture<RawClient> open(
      URI uri, Map<String, String> headers, String... subprotocols) {
    RawClient c = new RawClient();
    WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20));
    headers.forEach(b::header);
    if (subprotocols.length > 0) {
      b.subprotocols(
          subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    return b.buildAsync(uri, c.listener())
        .thenApply(
            ws -> {
              c.ws = ws;
              return c;
            });
  }

  static RawClient connect(URI uri) throws Exception {
    return open(uri, Map.of(), "json").get(30, TimeUnit.SECONDS);
  }

  /** Connects, reads the id, signs in as {@code wanted}, waits for the user list with our name. */
  static RawClient signIn(URI uri, String wanted) throws Exception {
    RawClient c = connect(uri);
    c.id = c.await(m -> m.path("type").asText().equals("id")).get("id").asLong();
    c.send(Map.of("type", "username", "name", wanted, "id", c.id, "date", 1));
    JsonNode first = c.await(m -> m.path("type").asText().matches("userlist|rejectusername"));
    c.name = wanted;
    if (first.get("type").asText().equals("rejectusername")) {
      c.name = first.get("name").asText();
    }
    String mine = c.name;
    if (!(first.get("type").asText().equals("userlist") && contains(first, mine))) {
      c.await(m -> m.path("type").asText().equals("userlist") && contains(m, mine));
    }
    return c;
  }

  static boolean contains(JsonNode userlist, String name) {
    for (JsonNode u : userlist.get("users")) {
      if (u.asText().equals(name)) {
        return true;
      }
    }
    return false;
  }

  void send(Object message) throws Exception {
    sendText(JSON.writeValueAsString(message));
  }

  synchronized void sendText(String text) throws Exception {
    ws.sendText(text, true).get(30, TimeUnit.SECONDS);
  }

  /** The next message matching {@code p} (skipping others), or fails after 30 s. */
  JsonNode await(Predicate<JsonNode> p) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < end) {
      JsonNode m = inbox.poll(100, TimeUnit.MILLISECONDS);
      if (m != null && p.test(m)) {
        return m;
      }
    }
    throw new AssertionError("no matching message; received " + all);
  }

  JsonNode awaitType(String type) throws InterruptedException {
    return await(m -> m.path("type").asText().equals(type));
  }

  List<JsonNode> ofType(String type) {
    synchronized (all) {
      return all.stream().filter(m -> m.path("type").asText().equals(type)).toList();
    }
  }

  private WebSocket.Listener listener() {
    return new WebSocket.Listener() {
      private final StringBuilder partial = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
          try {
            JsonNode node = JSON.readTree(partial.toString());
            all.add(node);
            inbox.add(node);
          } catch (Exception e) {
            inbox.add(JSON.createObjectNode().put("type", "client-parse-error"));
          }
          partial.setLength(0);
        }
        w.request(1);
        return null;
      }

      @Override
      public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
        closeReason.complete(reason);
        closed.complete(statusCode);
        return null;
      }

      @Override
      public void onError(WebSocket w, Throwable error) {
        failure.complete(error);
        closed.complete(-1);
      }
    };
  }

  @Override
  public void close() {
    if (ws != null) {
      ws.abort();
    }
  }
}

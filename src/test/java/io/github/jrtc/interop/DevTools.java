package io.github.jrtc.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** A minimal Chrome DevTools Protocol client over the JDK's WebSocket. */
final class DevTools implements AutoCloseable {
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final Map<String, Consumer<JsonNode>> events = new ConcurrentHashMap<>();

  private DevTools(URI endpoint) throws Exception {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(endpoint, new Listener())
            .get(10, TimeUnit.SECONDS);
  }

  static DevTools connect(URI endpoint) throws Exception {
    return new DevTools(endpoint);
  }

  /** Handles every event with this method name, on the WebSocket's thread. */
  void on(String method, Consumer<JsonNode> params) {
    events.put(method, params);
  }

  /** The command's result; fails with the protocol's error. */
  CompletableFuture<JsonNode> call(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode message = Messages.JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", params == null ? Messages.JSON.createObjectNode() : params);
    synchronized (socket) {
      // sendText must not overlap a previous send that has not completed.
      socket.sendText(Messages.write(message), true).join();
    }
    return result;
  }

  CompletableFuture<JsonNode> call(String method) {
    return call(method, null);
  }

  @Override
  public void close() {
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        JsonNode message = Messages.parse(text.toString());
        text.setLength(0);
        if (message.has("id")) {
          CompletableFuture<JsonNode> result = pending.remove(message.get("id").asInt());
          if (result != null) {
            if (message.has("error")) {
              result.completeExceptionally(
                  new IllegalStateException("DevTools: " + message.get("error")));
            } else {
              result.complete(message.path("result"));
            }
          }
        } else {
          Consumer<JsonNode> handler = events.get(message.path("method").asText());
          if (handler != null) {
            handler.accept(message.path("params"));
          }
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
      IllegalStateException gone = new IllegalStateException("DevTools closed: " + reason);
      pending.values().forEach(f -> f.completeExceptionally(gone));
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }
  }
}

package io.github.jrtc.interop;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every message a peer sent, kept so a test can wait for one that has not arrived yet or has
 * arrived already (peers run concurrently with the test, order between them is not guaranteed).
 */
final class Inbox {
  private final String peer;
  private final List<JsonNode> messages = new ArrayList<>();
  private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();

  Inbox(String peer) {
    this.peer = peer;
  }

  /** Called on the peer's reader thread for each message, in arrival order. */
  void onMessage(Consumer<JsonNode> listener) {
    listeners.add(listener);
  }

  void add(JsonNode message) {
    synchronized (this) {
      messages.add(message);
      notifyAll();
    }
    for (Consumer<JsonNode> l : listeners) {
      l.accept(message);
    }
  }

  /**
   * The first message that matches; an {@code error} message from the peer fails at once, since the
   * peer cannot go on after one.
   */
  synchronized JsonNode await(String what, Predicate<JsonNode> match, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (JsonNode m : messages) {
        if ("error".equals(m.path("type").asText())) {
          throw new AssertionError(
              peer + " reported an error while we waited for " + what + ": " + m);
        }
        if (match.test(m)) {
          return m;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            peer + ": timed out after " + timeout + " waiting for " + what + "; got " + messages);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  JsonNode awaitType(String type, Duration timeout) throws InterruptedException {
    return await(type, m -> type.equals(m.path("type").asText()), timeout);
  }

  synchronized List<JsonNode> all() {
    return List.copyOf(messages);
  }
}

package io.github.jrtc.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * One echotest handle on a {@link JanusServer}, through Janus's plain-HTTP API (long-polled
 * events), presented as a {@link PeerLink}: jrtc's offer goes out as the echotest "message" with
 * its jsep, candidates as "trickle", and Janus's events come back as peer messages (answer jsep →
 * description, webrtcup → connected, hangup → closed). Raw Janus events are kept in the inbox too.
 */
final class JanusPeer implements PeerLink {
  private final JanusServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Inbox inbox = new Inbox("janus");
  private final URI session;
  private final URI handle;
  private final Thread poller;
  private volatile boolean closed;

  JanusPeer(JanusServer server) throws Exception {
    this.server = server;
    session =
        URI.create(server.api + "/" + post(server.api, janus("create")).at("/data/id").asLong());
    ObjectNode attach = janus("attach").put("plugin", "janus.plugin.echotest");
    handle = URI.create(session + "/" + post(session, attach).at("/data/id").asLong());
    poller = new Thread(this::poll, "janus-events");
    poller.setDaemon(true);
    poller.start();
  }

  private static ObjectNode janus(String request) {
    return Messages.JSON
        .createObjectNode()
        .put("janus", request)
        .put("transaction", UUID.randomUUID().toString());
  }

  private JsonNode post(URI to, ObjectNode body) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(to)
                  .timeout(Duration.ofSeconds(10))
                  .POST(HttpRequest.BodyPublishers.ofString(Messages.write(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode reply = Messages.parse(r.body());
      if (!"success".equals(reply.path("janus").asText())
          && !"ack".equals(reply.path("janus").asText())) {
        throw new IllegalStateException("janus refused " + body + ": " + reply);
      }
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void poll() {
    while (!closed) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(session + "?maxev=1"))
                    .timeout(Duration.ofSeconds(40))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (!closed) {
          event(Messages.parse(r.body()));
        }
      } catch (IOException e) {
        if (!closed) {
          inbox.add(Messages.of("error").put("message", "janus event poll: " + e));
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void event(JsonNode e) {
    inbox.add(e);
    switch (e.path("janus").asText()) {
      case "event" -> {
        if (e.has("jsep")) {
          ObjectNode d = Messages.of("description");
          d.set("description", e.get("jsep"));
          inbox.add(d);
        }
        JsonNode error = e.at("/plugindata/data/error");
        if (!error.isMissingNode()) {
          inbox.add(Messages.of("error").put("message", "echotest: " + error.asText()));
        }
      }
      case "webrtcup" -> inbox.add(Messages.of("state").put("connectionState", "connected"));
      case "hangup" -> inbox.add(Messages.of("closed").put("reason", e.path("reason").asText()));
      case "error" -> inbox.add(Messages.of("error").put("message", e.toString()));
      default -> {
        // keepalive, media, slowlink...: kept in the inbox for the record.
      }
    }
  }

  @Override
  public String peer() {
    return "janus";
  }

  @Override
  public String version() {
    return server.version;
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public void send(ObjectNode message) {
    switch (message.path("type").asText()) {
      case "description" -> {
        ObjectNode m = janus("message");
        m.putObject("body").put("audio", true).put("video", true).put("data", true);
        m.set("jsep", message.get("description"));
        post(handle, m);
      }
      case "candidate" -> {
        ObjectNode m = janus("trickle");
        JsonNode c = message.get("candidate");
        if (c == null || c.isNull()) {
          m.putObject("candidate").put("completed", true);
        } else {
          m.set("candidate", c);
        }
        post(handle, m);
      }
      case "bye" -> post(handle, janus("hangup"));
      case "start" -> {
        // The echotest handle is ready as soon as it is attached.
      }
      default -> throw new IllegalArgumentException("janus cannot " + message);
    }
  }

  @Override
  public void awaitHangUp(Duration timeout) throws Exception {
    inbox.awaitType("closed", timeout);
    post(handle, janus("detach"));
    post(session, janus("destroy"));
  }

  @Override
  public void close() {
    closed = true;
    poller.interrupt();
  }
}

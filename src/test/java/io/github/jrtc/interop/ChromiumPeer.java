package io.github.jrtc.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's /usr/bin/chromium) driven over the DevTools protocol: the page runs
 * chromium_peer.js and talks to the test through a DevTools binding, so candidates trickle both
 * ways as they appear.
 */
final class ChromiumPeer implements PeerLink {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final List<String> FLAGS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          // The fake camera runs at 20 fps unless told otherwise.
          "--use-fake-device-for-media-stream=fps=30",
          "--use-fake-ui-for-media-stream",
          // Remote audio plays out unmuted without a user gesture (see chromium_peer.js).
          "--autoplay-policy=no-user-gesture-required",
          "--remote-debugging-port=0");

  private final Inbox inbox = new Inbox("chromium");
  private final HttpServer origin;
  private final Path profile;
  private final Process process;
  private final DevTools devTools;
  private final String version;

  ChromiumPeer(Path log) throws Exception {
    // getUserMedia needs a secure context, which about:blank is not and http://127.0.0.1 is.
    origin = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    origin.createContext(
        "/",
        exchange -> {
          byte[] page =
              "<!doctype html><title>jrtc interop</title>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          exchange.getResponseBody().write(page);
          exchange.close();
        });
    origin.start();
    String url = "http://127.0.0.1:" + origin.getAddress().getPort() + "/";
    profile = Files.createTempDirectory("jrtc-chromium-");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(CHROMIUM.toString());
    command.addAll(FLAGS);
    command.add("--user-data-dir=" + profile);
    command.add(url);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    try {
      devTools = DevTools.connect(pageEndpoint(devToolsPort(log)));
      devTools.on(
          "Runtime.bindingCalled", p -> inbox.add(Messages.parse(p.path("payload").asText())));
      devTools.on(
          "Runtime.exceptionThrown",
          p ->
              inbox.add(
                  Messages.of("error").put("message", p.path("exceptionDetails").toString())));
      devTools.call("Runtime.enable").get(10, TimeUnit.SECONDS);
      awaitPage(url);
      devTools
          .call("Runtime.addBinding", Messages.JSON.createObjectNode().put("name", "jrtcSignal"))
          .get(10, TimeUnit.SECONDS);
      String script =
          new String(
              ChromiumPeer.class.getResourceAsStream("/interop/chromium_peer.js").readAllBytes(),
              StandardCharsets.UTF_8);
      evaluate(script).get(10, TimeUnit.SECONDS);
      version =
          devTools.call("Browser.getVersion").get(10, TimeUnit.SECONDS).path("product").asText();
    } catch (Exception e) {
      close();
      throw e;
    }
  }

  /** Chromium writes the port it chose into the profile once DevTools listens. */
  private int devToolsPort(Path log) throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "chromium exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("chromium did not open DevTools in 30 s: " + Files.readString(log));
  }

  private static URI pageEndpoint(int port) throws Exception {
    HttpResponse<String> list =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode target : Messages.parse(list.body())) {
      if ("page".equals(target.path("type").asText())) {
        return URI.create(target.path("webSocketDebuggerUrl").asText());
      }
    }
    throw new AssertionError("no page target in " + list.body());
  }

  private void awaitPage(String url) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    String state = "";
    while (System.nanoTime() < deadline) {
      state =
          evaluate("location.href + ' ' + document.readyState")
              .get(10, TimeUnit.SECONDS)
              .at("/result/value")
              .asText();
      if (state.equals(url + " complete")) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("chromium did not load " + url + ": " + state);
  }

  private CompletableFuture<JsonNode> evaluate(String expression) {
    ObjectNode params =
        Messages.JSON.createObjectNode().put("expression", expression).put("awaitPromise", true);
    return devTools
        .call("Runtime.evaluate", params)
        .thenApply(
            r -> {
              if (r.has("exceptionDetails")) {
                throw new IllegalStateException("page: " + r.get("exceptionDetails"));
              }
              return r;
            });
  }

  @Override
  public String peer() {
    return "chromium";
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public void send(ObjectNode message) {
    // Not awaited: the page reports its own failures as error messages.
    CompletableFuture<?> unused =
        evaluate("jrtcPeer.receive(" + Messages.write(message) + ")")
            .whenComplete(
                (r, e) -> {
                  if (e != null) {
                    inbox.add(Messages.of("error").put("message", e.toString()));
                  }
                });
  }

  @Override
  public void awaitHangUp(Duration timeout) throws Exception {
    inbox.awaitType("closed", timeout);
  }

  @Override
  public void close() {
    origin.stop(0);
    if (devTools != null) {
      try {
        devTools.call("Browser.close").get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        // Killed below.
      }
      devTools.close();
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp profile is harmless.
    }
  }
}

package io.github.jrtc.whip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Janus 1.1.2 (Debian's janus) with its VideoRoom plugin, behind its WHIP front end
 * simple-whip-server (installed by scripts/simple-whip-server, run with the machine's node), both
 * started for one test on 127.0.0.1 inside the test namespace: Janus from a generated minimal
 * configuration (WebSocket transport for simple-whip-server, plain HTTP for the Janus and admin
 * APIs the test reads, one room, no STUN server, no IPv6), simple-whip-server from a generated
 * config.js.
 */
final class JanusWhip implements AutoCloseable {
  static final int ROOM = 1234;
  private static final Path LIBS = Path.of("/usr/lib/x86_64-linux-gnu/janus");
  private static final Path JANUS = Path.of("/usr/bin/janus");
  private static final String ADMIN_SECRET = "jrtc-admin";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where scripts/simple-whip-server installed it. */
  static Path installDir() {
    String tools = System.getenv("JRTC_TOOLS_DIR");
    Path base =
        tools != null && !tools.isEmpty()
            ? Path.of(tools)
            : Path.of(System.getProperty("user.home"), ".cache", "jrtc");
    return base.resolve("simple-whip-server");
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Path janusLog;
  private final Path whipLog;
  private Process janus;
  private Process whipServer;
  final URI api;
  final URI admin;
  final URI whipBase;

  JanusWhip(Path dir, Path logs) throws Exception {
    Path install = installDir();
    if (!Files.exists(install.resolve(".installed"))) {
      throw new AssertionError(
          "simple-whip-server is not installed in " + install + ": run scripts/simple-whip-server");
    }
    Files.createDirectories(logs);
    janusLog = logs.resolve("janus-videoroom.log");
    whipLog = logs.resolve("simple-whip-server.log");
    int httpPort = freePort();
    int adminPort = freePort();
    int wsPort = freePort();
    int whipPort = freePort();
    api = URI.create("http://127.0.0.1:" + httpPort + "/janus");
    admin = URI.create("http://127.0.0.1:" + adminPort + "/admin");
    whipBase = URI.create("http://127.0.0.1:" + whipPort + "/whip");
    try {
      startJanus(dir, httpPort, adminPort, wsPort);
      startWhipServer(dir, install, wsPort, whipPort);
    } catch (Exception | AssertionError e) {
      close();
      throw e;
    }
  }

  private void startJanus(Path dir, int httpPort, int adminPort, int wsPort) throws Exception {
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path transports = Files.createDirectories(dir.resolve("transports"));
    link(plugins, LIBS.resolve("plugins/libjanus_videoroom.so"));
    link(transports, LIBS.resolve("transports/libjanus_http.so"));
    link(transports, LIBS.resolve("transports/libjanus_websockets.so"));
    write(
        conf.resolve("janus.jcfg"),
        "general: {",
        "  configs_folder = \"" + conf + "\"",
        "  plugins_folder = \"" + plugins + "\"",
        "  transports_folder = \"" + transports + "\"",
        "  events_folder = \"" + Files.createDirectories(dir.resolve("events")) + "\"",
        "  loggers_folder = \"" + Files.createDirectories(dir.resolve("loggers")) + "\"",
        "  debug_level = 4",
        // No default route in the test namespace: name the address Janus gathers on.
        "  interface = \"" + hostAddress() + "\"",
        "  session_timeout = 60",
        "  admin_secret = \"" + ADMIN_SECRET + "\"",
        "}",
        "media: {",
        "  ipv6 = false",
        "}",
        "nat: {", // no stun_server: host candidates only, nothing leaves the namespace
        "  nice_debug = false",
        "}",
        "events: {",
        "  broadcast = false",
        "}");
    write(
        conf.resolve("janus.transport.http.jcfg"),
        "general: {",
        "  json = \"plain\"",
        "  base_path = \"/janus\"",
        "  http = true",
        "  port = " + httpPort,
        "  ip = \"127.0.0.1\"",
        "  https = false",
        "}",
        "admin: {",
        "  admin_base_path = \"/admin\"",
        "  admin_http = true",
        "  admin_port = " + adminPort,
        "  admin_ip = \"127.0.0.1\"",
        "  admin_https = false",
        "}");
    write(
        conf.resolve("janus.transport.websockets.jcfg"),
        "general: {",
        "  json = \"plain\"",
        "  ws = true",
        "  ws_port = " + wsPort,
        "  ws_ip = \"127.0.0.1\"",
        "  wss = false",
        "}",
        "admin: {",
        "  admin_ws = false",
        "  admin_wss = false",
        "}");
    write(
        conf.resolve("janus.plugin.videoroom.jcfg"),
        "general: {",
        "}",
        "room-" + ROOM + ": {",
        "  description = \"jrtc WHIP\"",
        "  publishers = 4",
        "  bitrate = 1000000",
        "  audiocodec = \"opus\"",
        "  videocodec = \"vp8,h264\"",
        "}");
    janus =
        new ProcessBuilder(
                JANUS.toString(),
                "-C",
                conf.resolve("janus.jcfg").toString(),
                "-F",
                conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(janusLog.toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      if (!janus.isAlive()) {
        throw new AssertionError("janus exited with " + janus.exitValue() + ": " + log(janusLog));
      }
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(api + "/info"))
                        .timeout(Duration.ofSeconds(2))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("janus's HTTP API did not come up in 30 s: " + log(janusLog));
      }
      Thread.sleep(200);
    }
  }

  private void startWhipServer(Path dir, Path install, int wsPort, int whipPort) throws Exception {
    Path src = Files.createDirectories(dir.resolve("whip-server/src"));
    for (String f : List.of("server.js", "whip-janus.js")) {
      Files.copy(install.resolve("src").resolve(f), src.resolve(f));
    }
    write(
        src.resolve("config.js"),
        "module.exports = {",
        "  janus: { address: 'ws://127.0.0.1:" + wsPort + "' },",
        "  port: " + whipPort + ",",
        "  rest: '/whip',",
        "  allowTrickle: true,",
        "  strictETags: false,",
        "  iceServers: []",
        "};");
    ProcessBuilder pb =
        new ProcessBuilder("node", src.resolve("server.js").toString())
            .directory(src.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(whipLog.toFile());
    pb.environment().put("NODE_PATH", install.resolve("node_modules").toString());
    pb.environment().put("DEBUG", "whip:*");
    whipServer = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!log(whipLog).contains("WHIP server prototype started")) {
      if (!whipServer.isAlive()) {
        throw new AssertionError(
            "simple-whip-server exited with " + whipServer.exitValue() + ": " + log(whipLog));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("simple-whip-server did not start in 30 s: " + log(whipLog));
      }
      Thread.sleep(200);
    }
  }

  /** simple-whip-server's own API: an endpoint {@code id} publishing into the VideoRoom room. */
  URI createEndpoint(String id) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(whipBase + "/create"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("id", id, "room", ROOM))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("POST /whip/create: " + r.statusCode() + " " + r.body());
    }
    return URI.create(whipBase + "/endpoint/" + id);
  }

  /** VideoRoom's {@code listparticipants} of the room, through the Janus API. */
  JsonNode participants() throws Exception {
    JsonNode session = post(api, Map.of("janus", "create"));
    String sessionId = session.path("data").path("id").asText();
    URI s = URI.create(api + "/" + sessionId);
    try {
      JsonNode handle = post(s, Map.of("janus", "attach", "plugin", "janus.plugin.videoroom"));
      URI h = URI.create(s + "/" + handle.path("data").path("id").asText());
      JsonNode r =
          post(
              h,
              Map.of(
                  "janus", "message", "body", Map.of("request", "listparticipants", "room", ROOM)));
      return r.path("plugindata").path("data").path("participants");
    } finally {
      post(s, Map.of("janus", "destroy"));
    }
  }

  /**
   * The admin API's {@code handle_info} of every handle attached to the VideoRoom plugin whose
   * WebRTC connection is up (the publisher's).
   */
  List<JsonNode> videoRoomHandles() throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode session : post(admin, adminRequest("list_sessions")).path("sessions")) {
      URI s = URI.create(admin + "/" + session.asText());
      for (JsonNode handle : post(s, adminRequest("list_handles")).path("handles")) {
        JsonNode info =
            post(URI.create(s + "/" + handle.asText()), adminRequest("handle_info")).path("info");
        if (info.path("plugin").asText().equals("janus.plugin.videoroom") && info.has("webrtc")) {
          out.add(info);
        }
      }
    }
    return out;
  }

  private static Map<String, Object> adminRequest(String request) {
    return Map.of("janus", request, "admin_secret", ADMIN_SECRET);
  }

  private JsonNode post(URI uri, Map<String, Object> body) throws Exception {
    Map<String, Object> withTx = new java.util.HashMap<>(body);
    withTx.put("transaction", UUID.randomUUID().toString());
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(withTx)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode json = JSON.readTree(r.body());
    if (r.statusCode() != 200 || json.path("janus").asText().equals("error")) {
      throw new AssertionError(uri + " " + body + ": " + r.statusCode() + " " + r.body());
    }
    return json;
  }

  String janusLog() {
    return log(janusLog);
  }

  String whipServerLog() {
    return log(whipLog);
  }

  private static String log(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  private static void link(Path folder, Path library) throws IOException {
    if (!Files.exists(library)) {
      throw new AssertionError(library + " is missing: is the janus package installed?");
    }
    Files.createSymbolicLink(folder.resolve(library.getFileName()), library);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** The namespace's non-loopback IPv4 address, where jrtc gathers too. */
  private static String hostAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return a.getHostAddress();
          }
        }
      }
    }
    throw new AssertionError("no non-loopback IPv4 address: run inside the test namespace");
  }

  private static void stop(Process p) {
    if (p == null) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(whipServer);
    stop(janus);
  }
}

package io.github.jrtc.interop;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Janus gateway (Debian's janus) started for one test from a generated minimal configuration:
 * only the plain-HTTP transport on 127.0.0.1 and the echotest plugin (each folder holds just that
 * library), no STUN server, no IPv6, no event handlers or loggers.
 */
final class JanusServer implements AutoCloseable {
  private static final Path LIBS = Path.of("/usr/lib/x86_64-linux-gnu/janus");
  private static final Path JANUS = Path.of("/usr/bin/janus");

  private final Process process;
  private final Path log;
  final URI api;
  final String version;

  JanusServer(Path dir, Path log) throws Exception {
    this.log = log;
    Files.createDirectories(log.getParent());
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Path conf = Files.createDirectories(dir.resolve("conf"));
    Path plugins = Files.createDirectories(dir.resolve("plugins"));
    Path transports = Files.createDirectories(dir.resolve("transports"));
    Path events = Files.createDirectories(dir.resolve("events"));
    Path loggers = Files.createDirectories(dir.resolve("loggers"));
    link(plugins, LIBS.resolve("plugins/libjanus_echotest.so"));
    link(transports, LIBS.resolve("transports/libjanus_http.so"));
    Files.writeString(
        conf.resolve("janus.jcfg"),
        String.join(
            "\n",
            "general: {",
            "  configs_folder = \"" + conf + "\"",
            "  plugins_folder = \"" + plugins + "\"",
            "  transports_folder = \"" + transports + "\"",
            "  events_folder = \"" + events + "\"",
            "  loggers_folder = \"" + loggers + "\"",
            "  debug_level = 4",
            // Janus finds its own address through the default route, which the test namespace
            // lacks ("Couldn't find any address! using 127.0.0.1"): name it.
            "  interface = \"" + hostAddress() + "\"",
            "  session_timeout = 60",
            "}",
            "media: {",
            "  ipv6 = false",
            "}",
            // No stun_server: host candidates only, nothing leaves the namespace.
            "nat: {",
            "  nice_debug = false",
            "  ice_ignore_list = \"vmnet\"",
            "}",
            "events: {",
            "  broadcast = false",
            "}",
            ""));
    Files.writeString(
        conf.resolve("janus.transport.http.jcfg"),
        String.join(
            "\n",
            "general: {",
            "  json = \"plain\"",
            "  base_path = \"/janus\"",
            "  http = true",
            "  port = " + port,
            "  ip = \"127.0.0.1\"",
            "  https = false",
            "}",
            "admin: {",
            "  admin_http = false",
            "  admin_https = false",
            "}",
            ""));
    Files.writeString(conf.resolve("janus.plugin.echotest.jcfg"), "general: {\n}\n");
    process =
        new ProcessBuilder(
                List.of(
                    JANUS.toString(),
                    "-C",
                    conf.resolve("janus.jcfg").toString(),
                    "-F",
                    conf.toString(),
                    "-o"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    api = URI.create("http://127.0.0.1:" + port + "/janus");
    try {
      version = awaitInfo();
    } catch (Exception | AssertionError e) {
      close();
      throw e;
    }
  }

  /** The namespace's non-loopback IPv4 address, where jrtc gathers too. */
  private static String hostAddress() throws java.net.SocketException {
    for (java.net.NetworkInterface nic :
        java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (java.net.InetAddress a : java.util.Collections.list(nic.getInetAddresses())) {
          if (a instanceof java.net.Inet4Address) {
            return a.getHostAddress();
          }
        }
      }
    }
    throw new AssertionError("no non-loopback IPv4 address: run inside the test namespace");
  }

  private static void link(Path folder, Path library) throws IOException {
    if (!Files.exists(library)) {
      throw new AssertionError(library + " is missing: is the janus package installed?");
    }
    Files.createSymbolicLink(folder.resolve(library.getFileName()), library);
  }

  /** Polls GET /janus/info until the HTTP transport answers; returns Janus's version string. */
  private String awaitInfo() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("janus exited with " + process.exitValue() + ": " + logText());
      }
      try {
        HttpResponse<String> info =
            http.send(
                HttpRequest.newBuilder(URI.create(api + "/info"))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (info.statusCode() == 200) {
          return Messages.parse(info.body()).path("version_string").asText();
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("janus's HTTP API did not come up in 30 s: " + logText());
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

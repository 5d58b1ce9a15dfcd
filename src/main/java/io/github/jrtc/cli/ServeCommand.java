package io.github.jrtc.cli;

import io.github.jrtc.signaling.CallBot;
import io.github.jrtc.signaling.SignalingServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jrtc serve}: the signaling server with the call page, and a bot to call. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Starts the signaling server (MDN's \"Signaling and video calling\" protocol over"
          + " WebSocket) with the call page on /, and signs in a Java bot that answers calls"
          + " and echoes data channel text. Open http://HOST:PORT/ in a browser, pick a name,"
          + " click the bot. Runs until Ctrl-C."
    })
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--host",
      paramLabel = "H",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 = all interfaces).")
  String host = "127.0.0.1";

  @Option(
      names = "--port",
      paramLabel = "P",
      description = "Port for the page and the WebSocket (default: ${DEFAULT-VALUE}).")
  int port = 6503;

  @Option(names = "--no-bot", description = "Do not sign in the bot; only serve.")
  boolean noBot;

  @Option(
      names = "--bot-name",
      paramLabel = "NAME",
      description = "The bot's user name (default: ${DEFAULT-VALUE}).")
  String botName = "jrtc-bot";

  @Option(
      names = "--token",
      paramLabel = "SECRET",
      description =
          "Require this access token on every WebSocket (browsers: open http://HOST:PORT/?token=SECRET).")
  String token;

  @Option(
      names = "--allow-origin",
      paramLabel = "ORIGIN",
      description =
          "Also accept pages from this origin (e.g. https://app.example); repeatable. By default"
              + " only this server's own page may connect.")
  List<String> origins = new ArrayList<>();

  @Mixin BotMediaOptions botMedia = new BotMediaOptions();

  @Override
  public Integer call() throws Exception {
    String recordingProblem = noBot ? null : botMedia.recordingProblem();
    if (recordingProblem != null) {
      Status.line("cannot record (--record): %s", recordingProblem);
      return Main.BAD_COMMAND_LINE;
    }
    SignalingServer server =
        SignalingServer.builder()
            .host(host)
            .port(port)
            .accessToken(token)
            .allowedOrigins(origins)
            .build();
    Set<String> known = new HashSet<>();
    server.onuserlist(
        users -> {
          synchronized (known) {
            for (String u : users) {
              if (known.add(u)) {
                Status.line("[server] %s joined (%d signed in)", u, users.size());
              }
            }
            for (String u : List.copyOf(known)) {
              if (!users.contains(u)) {
                known.remove(u);
                Status.line("[server] %s left (%d signed in)", u, users.size());
              }
            }
          }
        });
    try {
      server.start();
    } catch (IOException e) {
      Status.line("cannot listen on %s:%d: %s", host, port, e.getMessage());
      server.close();
      return Main.NO_SERVER;
    }
    Status.line(
        "signaling server on %s (WebSocket, any path, subprotocol json)", server.webSocketUri());
    String page = server.uri() + (token == null ? "" : "?token=" + token);
    Status.line(
        "call page: open %s in a browser, pick a name, click %s", page, noBot ? "a user" : botName);

    CallBot bot = null;
    if (!noBot) {
      bot =
          botMedia
              .configure(CallBot.builder(server.webSocketUri()).name(botName).token(token))
              .build();
      String name = botName;
      bot.onevent(e -> Status.bot(name, e));
      botMedia.announceRecording(botName);
      try {
        bot.start().get(15, TimeUnit.SECONDS);
      } catch (Exception e) {
        Status.line("the bot could not sign in: %s", e);
        bot.close();
        server.close();
        return Main.FAILED;
      }
    }
    CountDownLatch stop = new CountDownLatch(1);
    CallBot b = bot;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Status.line(
                      botMedia.recordDir == null || noBot
                          ? "stopping"
                          : "stopping (finishing recordings)");
                  if (b != null) {
                    b.close();
                  }
                  server.close();
                  stop.countDown();
                },
                "jrtc-serve-stop"));
    stop.await();
    return 0;
  }
}

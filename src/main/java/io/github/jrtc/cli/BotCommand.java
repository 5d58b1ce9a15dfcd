package io.github.jrtc.cli;

import io.github.jrtc.signaling.BotEvent;
import io.github.jrtc.signaling.CallBot;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jrtc bot}: the bot alone, against any server that speaks MDN's protocol. */
@Command(
    name = "bot",
    mixinStandardHelpOptions = true,
    description = {
      "Signs in to a signaling server as a Java bot. It answers every call"
          + " (setRemoteDescription, createAnswer, setLocalDescription, video-answer), trickles"
          + " ICE candidates and echoes every data channel message back. With --call it calls"
          + " that user instead and exits when the call ends. Runs until Ctrl-C."
    })
final class BotCommand implements Callable<Integer> {
  @Option(
      names = "--signaling",
      paramLabel = "URL",
      description = "The signaling server's WebSocket (default: ${DEFAULT-VALUE}).")
  URI signaling = URI.create("ws://127.0.0.1:6503/");

  @Option(
      names = "--name",
      paramLabel = "N",
      description =
          "The user name to sign in with (default: ${DEFAULT-VALUE}); the server may add a number.")
  String name = "jrtc-bot";

  @Option(
      names = "--call",
      paramLabel = "USER",
      description =
          "Call this user (waiting up to --wait for them to sign in) instead of waiting for calls.")
  String call;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      description =
          "With --call: how long to wait for USER to sign in and the call to connect (default: ${DEFAULT-VALUE}).")
  int waitSeconds = 30;

  @Option(
      names = "--token",
      paramLabel = "SECRET",
      description = "The server's access token, if it needs one.")
  String token;

  @Mixin BotMediaOptions botMedia = new BotMediaOptions();

  @Override
  public Integer call() throws Exception {
    String recordingProblem = botMedia.recordingProblem();
    if (recordingProblem != null) {
      Status.line("cannot record (--record): %s", recordingProblem);
      return Main.BAD_COMMAND_LINE;
    }
    CountDownLatch ended = new CountDownLatch(1);
    CallBot bot = botMedia.configure(CallBot.builder(signaling).name(name).token(token)).build();
    bot.onevent(
        e -> {
          Status.bot(bot.name(), e);
          if (call != null && e.kind() == BotEvent.Kind.ENDED && call.equals(e.peer())) {
            ended.countDown();
          }
        });
    botMedia.announceRecording(name);
    Runtime.getRuntime().addShutdownHook(new Thread(bot::close, "jrtc-bot-stop"));
    try {
      bot.start().get(waitSeconds, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Status.line("cannot sign in at %s: %s", signaling, e.getCause() == null ? e : e.getCause());
      bot.close();
      return Main.NO_SERVER;
    }
    if (call == null) {
      new CountDownLatch(1).await();
      return 0;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    while (!bot.users().contains(call)) {
      if (System.nanoTime() > deadline) {
        Status.line("%s did not sign in within %d s (users: %s)", call, waitSeconds, bot.users());
        bot.close();
        return Main.CALL_FAILED;
      }
      Thread.sleep(200);
    }
    Status.line("calling %s", call);
    CompletableFuture<Void> connected = bot.call(call);
    try {
      connected.get(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      Status.line(
          "the call to %s did not connect: %s", call, e.getCause() == null ? e : e.getCause());
      bot.close();
      return Main.CALL_FAILED;
    }
    ended.await();
    bot.close();
    return 0;
  }
}

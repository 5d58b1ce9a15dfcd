package io.github.jrtc.bench;

import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCStats;
import io.github.jrtc.RTCStatsReport;
import io.github.jrtc.signaling.BotEvent;
import io.github.jrtc.signaling.CallBot;
import io.github.jrtc.signaling.ReceivedMedia;
import io.github.jrtc.signaling.TestPatternMedia;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One caller of the soak: jrtc's own bot as MDN's caller ({@link CallBot#call}) with the test
 * pattern (640x480 VP8 at 30 fps) and a 440 Hz tone, and a "chat" channel whose greeting the bot it
 * calls must echo. Reusable across rounds: one call at a time.
 */
final class SoakCaller implements AutoCloseable {
  /** What one call did, seen from the caller. */
  record Outcome(boolean connected, boolean echoed, long framesReceived, double audioLevel) {
    boolean ok() {
      return connected && echoed && framesReceived > 0 && audioLevel > 0.01;
    }
  }

  private final CallBot bot;
  private final String callee;
  private volatile CompletableFuture<Void> echo = new CompletableFuture<>();

  private SoakCaller(CallBot bot, String callee) {
    this.bot = bot;
    this.callee = callee;
  }

  static SoakCaller signIn(URI signaling, String name, String callee, TestPatternMedia media)
      throws Exception {
    CallBot bot = CallBot.builder(signaling).name(name).media(media).build();
    SoakCaller c = new SoakCaller(bot, callee);
    bot.onevent(
        e -> {
          if (e.kind() == BotEvent.Kind.MESSAGE
              && callee.equals(e.peer())
              && e.text().startsWith("hello from")) {
            c.echo.complete(null);
          }
        });
    bot.start().get(60, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!bot.users().contains(callee)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(callee + " never signed in (users " + bot.users() + ")");
      }
      Thread.sleep(100);
    }
    return c;
  }

  String name() {
    return bot.name();
  }

  /** Calls, waits until connected and echoed; the call then runs until {@link #hangUp()}. */
  CompletableFuture<Void> call() {
    echo = new CompletableFuture<>();
    CompletableFuture<Void> e = echo;
    return bot.call(callee).thenCompose(v -> e);
  }

  ReceivedMedia received() {
    return bot.receivedMedia(callee);
  }

  /** Bytes received and sent over the call's transports so far, or null without a call. */
  long[] transportBytes() throws Exception {
    RTCPeerConnection pc = bot.connection(callee);
    if (pc == null) {
      return null;
    }
    RTCStatsReport report = pc.getStats().get(10, TimeUnit.SECONDS);
    long in = 0;
    long out = 0;
    for (RTCStats s : report.values()) {
      if (s.type().equals("transport")) {
        in += s.getLong("bytesReceived", 0);
        out += s.getLong("bytesSent", 0);
      }
    }
    return new long[] {in, out};
  }

  Outcome hangUp(boolean connected) {
    ReceivedMedia m = bot.receivedMedia(callee);
    Outcome o =
        new Outcome(
            connected,
            echo.isDone() && !echo.isCompletedExceptionally(),
            m == null ? 0 : m.videoFrames(),
            m == null ? 0 : m.maxAudioLevel());
    bot.hangUp(callee);
    return o;
  }

  @Override
  public void close() {
    bot.close();
  }
}

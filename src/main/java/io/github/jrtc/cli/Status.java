package io.github.jrtc.cli;

import io.github.jrtc.signaling.BotEvent;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** The status lines a person follows on stdout. Only the CLI prints; the library logs. */
final class Status {
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private Status() {}

  static synchronized void line(String format, Object... args) {
    OUT.println(LocalTime.now().format(TIME) + "  " + String.format(format, args));
  }

  static void bot(String bot, BotEvent e) {
    String peer = e.peer() == null ? "" : " " + e.peer();
    switch (e.kind()) {
      case JOINED -> line("[%s] signed in as %s", bot, e.text());
      case USERS -> line("[%s] users: %s", bot, e.text());
      case SIGNALING -> line("[%s] signaling %s", bot, e.text());
      case CALL -> line("[%s] call%s: %s", bot, peer, e.text());
      case STATE -> line("[%s] call%s: connectionState %s", bot, peer, e.text());
      case CHANNEL -> line("[%s] call%s: data channel \"%s\" open", bot, peer, e.text());
      case MESSAGE -> line("[%s] call%s: data channel message \"%s\"", bot, peer, e.text());
      case STATS -> line("[%s] call%s: %s", bot, peer, e.text());
      case RECORDING -> line("[%s] call%s: %s", bot, peer, e.text());
      case ENDED -> line("[%s] call%s ended: %s", bot, peer, e.text());
      case ERROR -> line("[%s] call%s: %s", bot, peer, e.text());
    }
  }
}

package io.github.jrtc.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jrtc} command ({@code scripts/jrtc}): the signaling server, the bot, the demos. */
@Command(
    name = "jrtc",
    mixinStandardHelpOptions = true,
    version = "jrtc 0.1.0",
    description =
        "jrtc: the browser's WebRTC API in Java. Run a signaling server with a call page and a bot, or a bot alone.",
    subcommands = {
      ServeCommand.class,
      BotCommand.class,
      LoopbackCommand.class,
      WhipServerCommand.class,
      DesktopCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (or stopped with Ctrl-C)",
      "1:failed while running (a call failed, see the output)",
      "2:bad command line (or an option this build cannot honour, e.g. --record without FFmpeg)",
      "3:could not listen on the port / reach the signaling server",
      "4:--call: the user never signed in or the call did not connect"
    })
public final class Main implements Runnable {
  static final int FAILED = 1;
  static final int BAD_COMMAND_LINE = 2;
  static final int NO_SERVER = 3;
  static final int CALL_FAILED = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    int code = new CommandLine(new Main()).execute(args);
    System.exit(code);
  }
}

package io.github.jrtc.cli;

import io.github.jrtc.desktop.DesktopLauncher;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jrtc desktop}: the JavaFX call app (needs a display and the JavaFX jars). */
@Command(
    name = "desktop",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the desktop call app: signs in to a signaling server (MDN's protocol), lists the"
          + " users, calls / answers / hangs up, shows the remote video large and the local"
          + " preview mirrored, mute, camera off, screen sharing, device pickers, chat over the"
          + " data channel and a stats line. Calls the bot and browsers on the call page alike."
          + " Under Xvfb add -Dprism.order=sw (JAVA_TOOL_OPTIONS)."
    })
final class DesktopCommand implements Callable<Integer> {
  @Option(
      names = "--signaling",
      paramLabel = "URL",
      description = "The signaling server's WebSocket (default: ${DEFAULT-VALUE}).")
  URI signaling = URI.create("ws://127.0.0.1:6503/");

  @Option(
      names = "--name",
      paramLabel = "N",
      description = "The user name to sign in with (default: ${DEFAULT-VALUE}).")
  String name = "desktop";

  @Option(
      names = "--auto-answer",
      description = "Answer incoming calls at once instead of showing Answer / Decline.")
  boolean autoAnswer;

  @Override
  public Integer call() throws Exception {
    if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
      System.err.println("jrtc desktop: no display (DISPLAY is not set)");
      return Main.FAILED;
    }
    DesktopLauncher.run(signaling, name, autoAnswer);
    return 0;
  }
}

package io.github.jrtc.desktop;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Starts the desktop app: JavaFX on the class path refuses an {@code Application} subclass as the
 * main class, so the toolkit is started here with {@link Platform#startup} and the window built on
 * its thread. Returns when the window is closed.
 */
public final class DesktopLauncher {
  private DesktopLauncher() {}

  /**
   * Opens the call window, signed in to {@code signaling} as {@code name}, and blocks until it is
   * closed.
   *
   * @param autoAnswer answer incoming calls at once (as MDN's call page does) instead of asking
   */
  public static void run(URI signaling, String name, boolean autoAnswer)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    Platform.startup(
        () -> {
          Stage stage = new Stage();
          DesktopWindow window = new DesktopWindow(stage, signaling, name, autoAnswer);
          stage.setOnHidden(
              e -> {
                window.close();
                closed.countDown();
              });
          stage.show();
          var unused = window.start();
        });
    closed.await();
    Platform.exit();
  }
}

package io.github.jrtc.javafx;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Starts the JavaFX toolkit once per test JVM (software pipeline, as Xvfb has no GPU). */
final class Fx {
  private static boolean started;

  private Fx() {}

  static synchronized void start() throws InterruptedException {
    if (started) {
      return;
    }
    org.assertj.core.api.Assertions.assertThat(System.getenv("DISPLAY"))
        .as("DISPLAY: run through scripts/test (scripts/media-services up)")
        .isNotBlank();
    System.setProperty("prism.order", "sw");
    CountDownLatch up = new CountDownLatch(1);
    try {
      Platform.startup(up::countDown);
    } catch (IllegalStateException alreadyStarted) {
      // Another test class in this JVM started the toolkit.
      up.countDown();
    }
    Platform.setImplicitExit(false);
    org.assertj.core.api.Assertions.assertThat(up.await(30, TimeUnit.SECONDS)).isTrue();
    started = true;
  }

  /** Runs {@code body} on the FX application thread and waits for its result. */
  static <T> T call(Callable<T> body) throws Exception {
    CompletableFuture<T> out = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            out.complete(body.call());
          } catch (Throwable t) { // NOPMD: handed to the test thread
            out.completeExceptionally(t);
          }
        });
    return out.get(20, TimeUnit.SECONDS);
  }
}

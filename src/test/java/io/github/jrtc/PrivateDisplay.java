package io.github.jrtc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** An Xvfb display of a test's own (nothing else has drawn on it or interned atoms there). */
final class PrivateDisplay implements AutoCloseable {
  private final Process xvfb;
  private final String name;

  private PrivateDisplay(Process xvfb, String name) {
    this.xvfb = xvfb;
    this.name = name;
  }

  /** Starts Xvfb on the first free display number from :90 and waits until it accepts clients. */
  static PrivateDisplay start() throws Exception {
    for (int n = 90; n < 130; n++) {
      if (Files.exists(Path.of("/tmp/.X" + n + "-lock"))
          || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
        continue;
      }
      Process p =
          new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "640x480x24", "-nolisten", "tcp")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      Path socket = Path.of("/tmp/.X11-unix/X" + n);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (p.isAlive() && !Files.exists(socket) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      if (p.isAlive() && Files.exists(socket)) {
        Thread.sleep(200); // the socket exists a moment before the server answers
        return new PrivateDisplay(p, ":" + n);
      }
      p.destroyForcibly();
    }
    throw new IllegalStateException("no free X display between :90 and :129");
  }

  String name() {
    return name;
  }

  @Override
  public void close() throws InterruptedException {
    xvfb.destroy();
    if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
      xvfb.destroyForcibly();
    }
  }
}

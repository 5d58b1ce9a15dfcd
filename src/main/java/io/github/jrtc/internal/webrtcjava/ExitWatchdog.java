package io.github.jrtc.internal.webrtcjava;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a program that returns from {@code main} exit. libwebrtc's native threads attach to the JVM
 * as non-daemon threads and never detach, so the JVM would wait for them forever and shutdown hooks
 * would never run. This daemon thread watches for the moment no user thread is left and then
 * disposes the engine, which ends the native threads.
 *
 * <p>A native-attached thread that is idle in native code has no Java frames; every thread a Java
 * program starts has at least its {@code run()} frame. So "a non-daemon thread with a Java stack"
 * is a user thread.
 */
final class ExitWatchdog {
  private static final Logger LOG = LoggerFactory.getLogger(ExitWatchdog.class);
  private static final long PERIOD_MS = 200;
  private static Thread watchdog;

  private ExitWatchdog() {}

  static synchronized void ensureStarted() {
    if (watchdog != null && watchdog.isAlive()) {
      return;
    }
    watchdog = new Thread(ExitWatchdog::watch, "jrtc-exit-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    if (!hookInstalled) {
      hookInstalled = true;
      Runtime.getRuntime().addShutdownHook(new Thread(ExitWatchdog::onSystemExit, "jrtc-shutdown"));
    }
  }

  private static boolean hookInstalled;

  private static void watch() {
    try {
      while (true) {
        Thread.sleep(PERIOD_MS);
        if (NativeEngine.current() == null) {
          continue;
        }
        if (!userThreadsAlive()) {
          LOG.debug("No user thread left: shutting down the jrtc engine so the JVM can exit");
          NativeEngine.shutdownShared();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean userThreadsAlive() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    for (int i = 0; i < n; i++) {
      Thread t = threads[i];
      if (t == null || t.isDaemon() || !t.isAlive() || t == Thread.currentThread()) {
        continue;
      }
      if ("DestroyJavaVM".equals(t.getName())) {
        continue;
      }
      if (t.getStackTrace().length > 0) {
        return true;
      }
    }
    return false;
  }

  private static void onSystemExit() {
    // Dispose on a helper thread: if native teardown ever blocks, exit must still proceed.
    Thread t = new Thread(NativeEngine::shutdownShared, "jrtc-shutdown-dispose");
    t.setDaemon(true);
    t.start();
    try {
      t.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

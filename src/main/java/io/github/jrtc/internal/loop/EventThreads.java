package io.github.jrtc.internal.loop;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The shared pool behind every connection's {@link SerialEventQueue}. Threads are daemons so that
 * jrtc never keeps a JVM alive, and the pool grows when a user handler blocks, so one slow
 * connection cannot stall the others.
 */
public final class EventThreads {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(daemonFactory("jrtc-event-"));

  private EventThreads() {}

  public static ExecutorService pool() {
    return POOL;
  }

  public static ThreadFactory daemonFactory(String prefix) {
    return r -> {
      Thread t = new Thread(r, prefix + COUNT.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}

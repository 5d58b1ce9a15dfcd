package io.github.jrtc.signaling;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a connection that is still plain HTTP some time after it opened: the slowloris defence.
 * Jetty's idle timeout restarts on every byte, so a client sending its upgrade request one byte at
 * a time would hold its socket forever; this deadline doesn't restart. A connection that upgraded
 * to a WebSocket has another {@link Connection} on its endpoint by then, and is left alone.
 */
final class RequestDeadline extends AbstractLifeCycle implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

  private final long millis;
  private final Map<Connection, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
  private ScheduledExecutorService timer;

  RequestDeadline(Duration deadline) {
    this.millis = deadline.toMillis();
  }

  @Override
  protected void doStart() {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "jrtc-signaling-deadline");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  protected void doStop() {
    timer.shutdownNow();
    pending.clear();
  }

  @Override
  public void onOpened(Connection connection) {
    ScheduledExecutorService t = timer;
    // HTTP connections are the ones a WebSocket upgrades from; the WebSocket's own is not one.
    if (!(connection instanceof Connection.UpgradeFrom) || t == null || t.isShutdown()) {
      return;
    }
    try {
      pending.put(connection, t.schedule(() -> expire(connection), millis, TimeUnit.MILLISECONDS));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Stopping.
    }
  }

  @Override
  public void onClosed(Connection connection) {
    ScheduledFuture<?> f = pending.remove(connection);
    if (f != null) {
      f.cancel(false);
    }
  }

  private void expire(Connection connection) {
    pending.remove(connection);
    EndPoint endPoint = connection.getEndPoint();
    if (endPoint.isOpen() && endPoint.getConnection() == connection) {
      LOG.debug("closing {}: no complete request within {} ms", endPoint, millis);
      endPoint.close();
    }
  }
}

package io.github.jrtc.internal.video;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paces frames pushed at any rate to a fixed frame rate: the newest pushed frame wins, older
 * undelivered ones are released at once (dropped). libwebrtc's encoder pipeline delivers next to
 * nothing when a custom source is fed unpaced (docs/benchmarks.md), so jrtc never feeds it faster
 * than the configured rate. {@link #tick()} is the unit of work; {@link #start()} runs it on a
 * dedicated daemon thread at the frame interval.
 *
 * @param <T> the frame type
 */
public final class LatestFramePacer<T> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LatestFramePacer.class);

  private final long intervalNanos;
  private final Consumer<T> deliver;
  private final Consumer<T> release;
  private final Object lock = new Object();
  private T pending; // guarded by lock
  private boolean closed; // guarded by lock
  private final AtomicLong pushed = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile Thread thread;

  /**
   * @param deliver called from {@link #tick()} with the newest frame; owns it afterwards
   * @param release frees a frame that is dropped or left over at close
   */
  public LatestFramePacer(double frameRate, Consumer<T> deliver, Consumer<T> release) {
    if (!(frameRate > 0) || frameRate > 1000) {
      throw new IllegalArgumentException("frameRate must be in (0, 1000], was " + frameRate);
    }
    this.intervalNanos = (long) (1_000_000_000L / frameRate);
    this.deliver = deliver;
    this.release = release;
  }

  /** Offers a frame; a frame still waiting is dropped. After close the frame is released. */
  public void push(T frame) {
    T old;
    synchronized (lock) {
      if (closed) {
        old = frame;
      } else {
        old = pending;
        pending = frame;
        pushed.incrementAndGet();
      }
    }
    if (old != null) {
      if (old != frame) {
        dropped.incrementAndGet();
      }
      release.accept(old);
    }
  }

  /** Delivers the newest frame, if any. Returns whether one was delivered. */
  public boolean tick() {
    T frame;
    synchronized (lock) {
      frame = pending;
      pending = null;
    }
    if (frame == null) {
      return false;
    }
    try {
      deliver.accept(frame);
      delivered.incrementAndGet();
    } catch (RuntimeException | Error e) {
      LOG.warn("Delivering a paced frame failed", e);
    }
    return true;
  }

  /** Starts the pacing thread (once). */
  public synchronized void start(String name) {
    if (thread != null) {
      return;
    }
    Thread t = new Thread(this::run, name);
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  private void run() {
    long next = System.nanoTime();
    while (!isClosed()) {
      tick();
      next += intervalNanos;
      long now = System.nanoTime();
      if (now - next > intervalNanos) {
        // Fell behind (a slow encoder, a GC pause): do not burst to catch up.
        next = now;
      }
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(this, wait);
      }
    }
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  public long pushedFrames() {
    return pushed.get();
  }

  public long deliveredFrames() {
    return delivered.get();
  }

  public long droppedFrames() {
    return dropped.get();
  }

  public long intervalNanos() {
    return intervalNanos;
  }

  /** Stops the thread and releases the waiting frame. Idempotent. */
  @Override
  public void close() {
    T left;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      left = pending;
      pending = null;
    }
    if (left != null) {
      release.accept(left);
    }
    Thread t = thread;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }
}

package io.github.jrtc.internal.webrtcjava;

import io.github.jrtc.internal.spec.Errors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Keeps a native handle alive while Java threads use it. Calls hold the shared side for the length
 * of one native call; {@link #retire} takes the exclusive side, so once it returns no call is
 * inside the handle and none can enter again: only then may the handle's reference be released.
 * Without this, a call that passed its "closed?" check just before another thread released the
 * handle would run on freed memory.
 */
final class NativeUseGuard {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile boolean retired;

  /** True if the handle may be used; the caller must then {@link #exit()}. */
  boolean enter() {
    if (retired) {
      return false;
    }
    lock.readLock().lock();
    if (retired) {
      lock.readLock().unlock();
      return false;
    }
    return true;
  }

  void exit() {
    lock.readLock().unlock();
  }

  /** Runs one native call on the handle, or fails with InvalidStateError once it is retired. */
  <T> T call(Supplier<T> body) {
    if (!enter()) {
      throw Errors.invalidState("The RTCPeerConnection is closed");
    }
    try {
      return body.get();
    } finally {
      exit();
    }
  }

  /**
   * {@link #call} under the engine's lock: for handles (transceivers, transports) that die with the
   * factory too, so a disposed engine is an InvalidStateError instead of a use of freed memory.
   */
  <T> T callWhileEngineAlive(NativeEngine engine, Supplier<T> body) {
    synchronized (engine) {
      if (engine.isDisposed()) {
        throw Errors.invalidState("The jrtc engine has been shut down");
      }
      return call(body);
    }
  }

  boolean isRetired() {
    return retired;
  }

  /**
   * Refuses new calls and waits for calls in flight. Returns false when some call did not leave
   * within the timeout (or this thread is itself inside a call): the handle must then be leaked,
   * not released.
   */
  boolean retire(long timeoutMillis) {
    retired = true;
    if (lock.getReadHoldCount() > 0) {
      return false;
    }
    try {
      if (!lock.writeLock().tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
        return false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    lock.writeLock().unlock();
    return true;
  }
}

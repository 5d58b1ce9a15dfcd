package io.github.jrtc.internal.webrtcjava;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native wrappers of one peer connection, invalidated together when it closes. A wrapper
 * registered after that (a native callback racing the close) is invalidated at once.
 */
final class NativeDependents {
  private static final Logger LOG = LoggerFactory.getLogger(NativeDependents.class);
  private final List<NativeDependent> dependents = new ArrayList<>();
  private boolean invalidated;
  private final NativeEngine engine;

  NativeDependents(NativeEngine engine) {
    this.engine = engine;
  }

  /** The engine whose threads the dependents' native objects live on. */
  NativeEngine engine() {
    return engine;
  }

  /** Adds {@code d}; if the connection is already gone, invalidates it instead. */
  void add(NativeDependent d) {
    synchronized (this) {
      if (!invalidated) {
        dependents.add(d);
        return;
      }
    }
    invalidate(d);
  }

  void remove(NativeDependent d) {
    synchronized (this) {
      dependents.remove(d);
    }
  }

  void invalidateAll() {
    List<NativeDependent> all;
    synchronized (this) {
      invalidated = true;
      all = new ArrayList<>(dependents);
      dependents.clear();
    }
    for (NativeDependent d : all) {
      invalidate(d);
    }
  }

  private static void invalidate(NativeDependent d) {
    try {
      d.invalidate();
    } catch (RuntimeException | Error e) {
      LOG.warn("Invalidating {} failed", d, e);
    }
  }
}

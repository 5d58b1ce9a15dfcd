package io.github.jrtc.internal.jni;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard every webrtc-java callback runs through: a Java exception that escapes into native code
 * aborts the JVM (webrtc-java checks and calls abort), so nothing may escape.
 */
public final class NativeCallbacks {
  private static final Logger LOG = LoggerFactory.getLogger(NativeCallbacks.class);

  private NativeCallbacks() {}

  public static void guard(String what, Runnable body) {
    try {
      body.run();
    } catch (Throwable t) { // NOPMD: anything escaping here would abort the JVM
      try {
        LOG.error("Exception in native callback {} (swallowed to keep the JVM alive)", what, t);
      } catch (Throwable ignored) { // NOPMD: even logging must not throw into native code
        // nothing left to do safely
      }
    }
  }
}

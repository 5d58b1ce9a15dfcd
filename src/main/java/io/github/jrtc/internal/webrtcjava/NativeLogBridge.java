package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.logging.Logging;
import io.github.jrtc.internal.jni.NativeCallbacks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes libwebrtc's own log into SLF4J (logger "webrtc.native") and stops it from writing to
 * stderr, so the library never prints. The native threshold follows the SLF4J level once, at
 * start-up: DEBUG/TRACE enabled gives libwebrtc's INFO, otherwise WARNING.
 */
final class NativeLogBridge {
  private static final Logger LOG = LoggerFactory.getLogger("webrtc.native");
  private static volatile boolean installed;

  private NativeLogBridge() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    Logging.Severity severity =
        LOG.isTraceEnabled()
            ? Logging.Severity.VERBOSE
            : LOG.isDebugEnabled() ? Logging.Severity.INFO : Logging.Severity.WARNING;
    try {
      Logging.logToDebug(Logging.Severity.NONE);
      Logging.addLogSink(severity, NativeLogBridge::log);
    } catch (RuntimeException | Error e) {
      LOG.warn("Could not bridge libwebrtc's log into SLF4J", e);
    }
  }

  /**
   * Messages libwebrtc logs as errors or warnings in normal operation ("Failed to initialize
   * recording": jrtc's audio guard refuses every recording start of the factory's module).
   */
  private static final String[] ROUTINE = {
    "for backwards compatibility",
    "DataChannelObserver - adapter needed",
    "User-Initiated Abort",
    "Will not log any",
    "WebRTC-ForceDtls13",
    "Packet received before we know if we are doing DTLS",
    "Failed to initialize recording",
  };

  private static void log(Logging.Severity severity, String message) {
    NativeCallbacks.guard(
        "LogSink",
        () -> {
          String m = message == null ? "" : message.stripTrailing();
          for (String routine : ROUTINE) {
            if (m.contains(routine)) {
              LOG.debug(m);
              return;
            }
          }
          switch (severity) {
            case ERROR -> LOG.error(m);
            case WARNING -> LOG.warn(m);
            case INFO -> LOG.debug(m);
            default -> LOG.trace(m);
          }
        });
  }
}

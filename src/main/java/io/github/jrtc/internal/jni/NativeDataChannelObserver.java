package io.github.jrtc.internal.jni;

import dev.onvoid.webrtc.RTCDataChannel;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * jrtc's native observer on a libwebrtc data channel ({@code
 * native/src/data_channel_observer.cpp}), registered instead of webrtc-java's, whose per-message
 * JNI references are never freed (devopvoid/webrtc-java#265). Callbacks arrive on libwebrtc's
 * signaling thread; a message's bytes are a direct buffer valid only during {@link Target#message}.
 *
 * <p>Lifetime: {@link #unregister()} must run before webrtc-java's {@code RTCDataChannel.dispose()}
 * and while the engine's threads are alive (it blocks on the signaling and network threads); after
 * it returns libwebrtc never calls back and the native observer is freed.
 */
public final class NativeDataChannelObserver {
  private static final Logger LOG = LoggerFactory.getLogger(NativeDataChannelObserver.class);

  /** What the native callbacks are forwarded to. */
  public interface Target {
    /**
     * The channel's state changed; when it closed with an error (its transport failed), {@code
     * errorType} is libwebrtc's RTCErrorType (0 for none), with its RTCErrorDetailType and SCTP
     * cause code (-1 for none).
     */
    void stateChanged(int errorType, int errorDetail, int sctpCauseCode);

    void message(ByteBuffer borrowed, boolean binary);

    /**
     * libwebrtc's OnBufferedAmountChange: {@code sentDataSize} more bytes left its send queue since
     * the last call (it reports every 100 KiB drained, and whenever the queue empties).
     */
    void bufferedAmountChanged(long sentDataSize);
  }

  private final long channelHandle;
  private long observerHandle;
  private volatile Target target;

  private NativeDataChannelObserver(long channelHandle, Target target) {
    this.channelHandle = channelHandle;
    this.target = target;
  }

  /**
   * Registers a native observer on {@code channel}, or returns null when jrtc's library is not
   * loaded or the channel's handle is out of reach (the caller then uses webrtc-java's observer).
   */
  public static NativeDataChannelObserver register(RTCDataChannel channel, Target target) {
    if (!NativeLibrary.loaded()) {
      return null;
    }
    long handle = NativeHandleField.get(channel);
    if (handle == 0) {
      return null;
    }
    NativeDataChannelObserver o = new NativeDataChannelObserver(handle, target);
    synchronized (o) {
      o.observerHandle = register(handle, o);
    }
    return o;
  }

  /** Idempotent. See the class comment for when it may run. */
  public synchronized void unregister() {
    target = null;
    long observer = observerHandle;
    observerHandle = 0;
    if (observer != 0) {
      unregister(channelHandle, observer);
    }
  }

  // Called from native code only.

  void onStateChange(int errorType, int errorDetail, int sctpCauseCode) {
    NativeCallbacks.guard(
        "RTCDataChannel.onStateChange",
        () -> {
          Target t = target;
          if (t != null) {
            t.stateChanged(errorType, errorDetail, sctpCauseCode);
          }
        });
  }

  void onMessage(ByteBuffer data, boolean binary) {
    NativeCallbacks.guard(
        "RTCDataChannel.onMessage",
        () -> {
          Target t = target;
          if (t != null) {
            t.message(data, binary);
          }
        });
  }

  void onBufferedAmountChange(long sentDataSize) {
    NativeCallbacks.guard(
        "RTCDataChannel.onBufferedAmountChange",
        () -> {
          Target t = target;
          if (t != null) {
            t.bufferedAmountChanged(sentDataSize);
          }
        });
  }

  void onCallbackFailure(Throwable t) {
    LOG.error("A data-channel callback threw", t);
  }

  private static native long register(long channelHandle, NativeDataChannelObserver sink);

  private static native void unregister(long channelHandle, long observerHandle);
}

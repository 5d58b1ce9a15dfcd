package io.github.jrtc.internal.webrtcjava;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import io.github.jrtc.RTCDataChannelState;
import io.github.jrtc.RTCErrorDetailType;
import io.github.jrtc.internal.bridge.DataChannelBridge;
import io.github.jrtc.internal.bridge.DataChannelBridgeObserver;
import io.github.jrtc.internal.jni.NativeCallbacks;
import io.github.jrtc.internal.jni.NativeDataChannelObserver;
import io.github.jrtc.internal.spec.Errors;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A webrtc-java data channel. Its fixed attributes are read once; events received before jrtc's
 * observer is attached are kept and replayed, so none is lost between the native "datachannel"
 * callback and the Java object's creation.
 */
final class NativeDataChannelBridge implements DataChannelBridge, NativeDependent {
  private static final long RETIRE_TIMEOUT_MS = 5000;
  private final RTCDataChannel channel;
  private final NativeUseGuard use = new NativeUseGuard();
  private final String label;
  private final boolean ordered;
  private final Integer maxPacketLifeTime;
  private final Integer maxRetransmits;
  private final String protocol;
  private final boolean negotiated;
  private volatile Integer id;
  private volatile RTCDataChannelState state;
  private volatile boolean disposed;

  private final Object lock = new Object();
  private DataChannelBridgeObserver observer;
  private List<Runnable> early = new ArrayList<>();

  private final NativeDependents owner;
  private final NativeObserver nativeObserver;
  // jrtc's own native observer when its library is loaded; else webrtc-java's is registered.
  private final NativeDataChannelObserver jrtcObserver;

  /**
   * @param knownId the id when the caller knows it (a negotiated channel's), else null: libwebrtc
   *     answers {@code id()} on its network thread, a blocking hop (a large part of a
   *     createDataChannel, longer while that thread runs a handshake; docs/benchmarks.md) that the
   *     signaling thread, shared by every connection, must not wait for either; {@link #id} reads
   *     it when asked, and the open handling on the connection's queue keeps it
   */
  NativeDataChannelBridge(RTCDataChannel channel, NativeDependents owner, Integer knownId) {
    this.channel = channel;
    this.owner = owner;
    // webrtc-java turns an empty string into null.
    this.label = channel.getLabel() == null ? "" : channel.getLabel();
    this.ordered = channel.isOrdered();
    // webrtc-java reports an unset value as 0; "reliable" tells whether either is set. For a
    // remote channel with both at 0 the two cases look alike: maxRetransmits 0 is assumed.
    int lifetime = channel.getMaxPacketLifeTime();
    int retransmits = channel.getMaxRetransmits();
    if (channel.isReliable()) {
      this.maxPacketLifeTime = null;
      this.maxRetransmits = null;
    } else if (lifetime > 0) {
      this.maxPacketLifeTime = lifetime;
      this.maxRetransmits = null;
    } else {
      this.maxPacketLifeTime = null;
      this.maxRetransmits = retransmits;
    }
    this.protocol = channel.getProtocol() == null ? "" : channel.getProtocol();
    this.negotiated = channel.isNegotiated();
    // Observe first, then read: a change in between is then seen as an event, not lost.
    this.state = RTCDataChannelState.CONNECTING;
    this.nativeObserver = new NativeObserver(this);
    this.jrtcObserver = NativeDataChannelObserver.register(channel, nativeObserver);
    if (jrtcObserver == null) {
      channel.registerObserver(nativeObserver);
    }
    this.id = knownId;
    RTCDataChannelState now =
        NativeConversions.sameName(RTCDataChannelState.class, channel.getState());
    if (state == RTCDataChannelState.CONNECTING) {
      state = now;
    }
  }

  private static Integer idOf(int nativeId) {
    return nativeId < 0 || nativeId > 65534 ? null : nativeId;
  }

  /**
   * Receives the channel's events from jrtc's native observer or, without it, webrtc-java's.
   * webrtc-java never deletes its native observer (nor its global reference to this object) on
   * unregister: so this holds the bridge only until dispose, and what stays pinned is tiny.
   */
  private static final class NativeObserver
      implements RTCDataChannelObserver, NativeDataChannelObserver.Target {
    private volatile NativeDataChannelBridge target;

    NativeObserver(NativeDataChannelBridge target) {
      this.target = target;
    }

    @Override
    public void onBufferedAmountChange(long previousAmount) {
      // Never called by webrtc-java 0.14.0: without jrtc's native observer, jrtc polls.
    }

    @Override
    public void bufferedAmountChanged(long sentDataSize) {
      NativeDataChannelBridge t = target;
      if (t != null) {
        t.deliver(o -> o.onBufferedAmountChange(sentDataSize));
      }
    }

    @Override
    public void onStateChange() {
      NativeCallbacks.guard("RTCDataChannel.onStateChange", () -> stateChanged(0, 0, -1));
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
      NativeCallbacks.guard("RTCDataChannel.onMessage", () -> message(buffer.data, buffer.binary));
    }

    @Override
    public void stateChanged(int errorType, int errorDetail, int sctpCauseCode) {
      NativeDataChannelBridge t = target;
      if (t != null) {
        t.nativeStateChanged(errorType, errorDetail, sctpCauseCode);
      }
    }

    @Override
    public void message(ByteBuffer borrowed, boolean binary) {
      NativeDataChannelBridge t = target;
      if (t == null) {
        return;
      }
      // The native buffer dies with this callback: copy it.
      ByteBuffer copy = ByteBuffer.allocate(borrowed.remaining());
      copy.put(borrowed.duplicate());
      copy.flip();
      t.deliver(o -> o.onMessage(copy, binary));
    }
  }

  private void nativeStateChanged(int errorType, int errorDetail, int sctpCauseCode) {
    if (!use.enter()) {
      return;
    }
    RTCDataChannelState s;
    try {
      // The id (known once open) is read by the open handling on the connection's queue: a read
      // here would wait for libwebrtc's network thread on the signaling thread.
      s = NativeConversions.sameName(RTCDataChannelState.class, channel.getState());
    } finally {
      use.exit();
    }
    state = s;
    if (s == RTCDataChannelState.CLOSED && errorType != 0) {
      RTCErrorDetailType detail = detailOf(errorDetail);
      Integer cause = sctpCauseCode < 0 ? null : sctpCauseCode;
      deliver(o -> o.onError(detail, cause));
    }
    deliver(o -> o.onStateChange(s));
  }

  /**
   * libwebrtc's RTCErrorDetailType, in the spec's order after NONE; a transport failure without
   * detail is an SCTP failure (the spec's errorDetail for a closed association).
   */
  private static RTCErrorDetailType detailOf(int nativeDetail) {
    RTCErrorDetailType[] all = RTCErrorDetailType.values();
    return nativeDetail >= 1 && nativeDetail <= all.length
        ? all[nativeDetail - 1]
        : RTCErrorDetailType.SCTP_FAILURE;
  }

  private void deliver(java.util.function.Consumer<DataChannelBridgeObserver> event) {
    DataChannelBridgeObserver o;
    synchronized (lock) {
      o = observer;
      if (o == null) {
        if (early != null) {
          early.add(() -> event.accept(observer));
        }
        return;
      }
    }
    event.accept(o);
  }

  @Override
  public void observe(DataChannelBridgeObserver o) {
    List<Runnable> replay;
    synchronized (lock) {
      observer = o;
      replay = early;
      early = null;
      if (replay != null) {
        // Replay under the lock so later native events queue up behind these.
        for (Runnable r : replay) {
          r.run();
        }
      }
    }
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public boolean ordered() {
    return ordered;
  }

  @Override
  public Integer maxPacketLifeTime() {
    return maxPacketLifeTime;
  }

  @Override
  public Integer maxRetransmits() {
    return maxRetransmits;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public boolean negotiated() {
    return negotiated;
  }

  @Override
  public Integer id() {
    Integer known = id;
    if (known == null && use.enter()) {
      try {
        known = idOf(channel.getId());
        id = known;
      } finally {
        use.exit();
      }
    }
    return known;
  }

  @Override
  public RTCDataChannelState readyState() {
    return state;
  }

  @Override
  public boolean reportsBufferedAmount() {
    return jrtcObserver != null;
  }

  @Override
  public long nativeBufferedAmount() {
    if (!use.enter()) {
      return 0;
    }
    try {
      return channel.getBufferedAmount();
    } finally {
      use.exit();
    }
  }

  @Override
  public void send(ByteBuffer data, boolean binary) {
    // webrtc-java sends a heap buffer's whole array and a direct buffer's whole capacity,
    // ignoring position and limit: hand it a buffer that is exactly the bytes to send.
    ByteBuffer exact;
    if (data.hasArray()
        && data.arrayOffset() == 0
        && data.position() == 0
        && data.limit() == data.array().length) {
      exact = data;
    } else {
      byte[] bytes = new byte[data.remaining()];
      data.duplicate().get(bytes);
      exact = ByteBuffer.wrap(bytes);
    }
    if (!use.enter()) {
      throw Errors.invalidState("RTCDataChannel is closed");
    }
    try {
      channel.send(new RTCDataChannelBuffer(exact, binary));
    } catch (Exception | Error e) {
      throw Errors.operation("RTCDataChannel.send failed: " + e.getMessage());
    } finally {
      use.exit();
    }
  }

  @Override
  public void close() {
    if (use.enter()) {
      try {
        channel.close();
      } catch (RuntimeException | Error e) {
        // Already closed natively: nothing to do.
      } finally {
        use.exit();
      }
    }
  }

  @Override
  public void dispose() {
    synchronized (lock) {
      if (disposed) {
        return;
      }
      disposed = true;
      early = null;
      observer = null;
    }
    nativeObserver.target = null;
    owner.remove(this);
    boolean ran =
        owner
            .engine()
            .whileAlive(
                () -> {
                  if (!use.retire(RETIRE_TIMEOUT_MS)) {
                    // A native call is stuck (or we are inside one): leaking the handle beats
                    // freeing it under that call.
                    return;
                  }
                  try {
                    // Unregistered first: after dispose the handle may point at freed memory.
                    if (jrtcObserver != null) {
                      jrtcObserver.unregister();
                    } else {
                      channel.unregisterObserver();
                    }
                    channel.dispose();
                  } catch (RuntimeException | Error e) {
                    // webrtc-java throws when libwebrtc still holds a reference; dropped anyway.
                  }
                });
    if (!ran) {
      use.retire(0);
    }
  }

  @Override
  public void invalidate() {
    dispose();
  }
}

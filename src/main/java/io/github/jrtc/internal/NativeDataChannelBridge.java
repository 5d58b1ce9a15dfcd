package io.github.jrtc.internal;

import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import io.github.jrtc.RTCDataChannelState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A webrtc-java data channel. Its fixed attributes are read once; events received before jrtc's
 * observer is attached are kept and replayed, so none is lost between the native "datachannel"
 * callback and the Java object's creation.
 */
final class NativeDataChannelBridge implements DataChannelBridge {
  private final RTCDataChannel channel;
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

  NativeDataChannelBridge(RTCDataChannel channel) {
    this.channel = channel;
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
    channel.registerObserver(new NativeObserver());
    this.id = idOf(channel.getId());
    RTCDataChannelState now =
        NativeConversions.sameName(RTCDataChannelState.class, channel.getState());
    if (state == RTCDataChannelState.CONNECTING) {
      state = now;
    }
  }

  private static Integer idOf(int nativeId) {
    return nativeId < 0 || nativeId > 65534 ? null : nativeId;
  }

  private final class NativeObserver implements RTCDataChannelObserver {
    @Override
    public void onBufferedAmountChange(long previousAmount) {
      // Never called by webrtc-java 0.14.0; jrtc polls instead.
    }

    @Override
    public void onStateChange() {
      NativeCallbacks.guard(
          "RTCDataChannel.onStateChange",
          () -> {
            if (disposed) {
              return;
            }
            RTCDataChannelState s =
                NativeConversions.sameName(RTCDataChannelState.class, channel.getState());
            state = s;
            if (id == null) {
              id = idOf(channel.getId());
            }
            deliver(o -> o.onStateChange(s));
          });
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
      NativeCallbacks.guard(
          "RTCDataChannel.onMessage",
          () -> {
            // The native buffer dies with this callback: copy it.
            ByteBuffer src = buffer.data;
            ByteBuffer copy = ByteBuffer.allocate(src.remaining());
            copy.put(src.duplicate());
            copy.flip();
            boolean binary = buffer.binary;
            deliver(o -> o.onMessage(copy, binary));
          });
    }
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
    if (known == null && !disposed) {
      known = idOf(channel.getId());
      id = known;
    }
    return known;
  }

  @Override
  public RTCDataChannelState readyState() {
    return state;
  }

  @Override
  public long nativeBufferedAmount() {
    return disposed ? 0 : channel.getBufferedAmount();
  }

  @Override
  public void send(ByteBuffer data, boolean binary) {
    if (disposed) {
      throw Errors.invalidState("RTCDataChannel is closed");
    }
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
    try {
      channel.send(new RTCDataChannelBuffer(exact, binary));
    } catch (Exception | Error e) {
      throw Errors.operation("RTCDataChannel.send failed: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    if (!disposed) {
      try {
        channel.close();
      } catch (RuntimeException | Error e) {
        // Already closed natively: nothing to do.
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
    }
    try {
      channel.unregisterObserver();
      channel.dispose();
    } catch (RuntimeException | Error e) {
      // The owning connection may already be gone; the handle is dropped either way.
    }
  }
}

package io.github.jrtc;

import io.github.jrtc.internal.bridge.DataChannelBridge;
import io.github.jrtc.internal.bridge.DataChannelBridgeObserver;
import io.github.jrtc.internal.loop.SerialEventQueue;
import io.github.jrtc.internal.spec.Errors;
import io.github.jrtc.internal.webrtcjava.BufferedAmountPoller;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A data channel, as in the browser: created with {@link RTCPeerConnection#createDataChannel} or
 * received through {@code ondatachannel}. Events run on the owning connection's event queue.
 *
 * <p>{@link #bufferedAmount()} grows synchronously on {@code send} and shrinks as libwebrtc hands
 * the data to SCTP (as libwebrtc reports it: every 100 KiB and when its queue empties, as in
 * Chromium); {@code bufferedamountlow} fires when it falls to {@link #bufferedAmountLowThreshold()}
 * or below. A channel whose transport fails (the peer's connection closed) fires an {@link
 * RTCErrorEvent} ("error") before "close".
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel">MDN</a>.
 */
public final class RTCDataChannel extends EventTarget implements AutoCloseable {
  private final RTCPeerConnection owner;
  private final DataChannelBridge bridge;
  private final SerialEventQueue queue;
  private final String label;
  private final boolean ordered;
  private final Integer maxPacketLifeTime;
  private final Integer maxRetransmits;
  private final String protocol;
  private final boolean negotiated;
  private final RTCPriorityType priority;
  private volatile RTCDataChannelState readyState = RTCDataChannelState.CONNECTING;
  private volatile BinaryType binaryType = BinaryType.ARRAYBUFFER;
  private volatile long bufferedAmountLowThreshold;

  // bufferedAmount = bytes sent - bytes libwebrtc has handed on. Sends add at once; the drained
  // count only moves in a task on the event queue, so (as in JS) the amount never shrinks
  // under a handler's feet while it runs.
  private final Object sendLock = new Object();
  private long totalSent;
  private long totalDrained;
  private volatile long lastDrainPosted;
  private volatile long bufferedAmount;
  private Runnable pendingAnnouncement; // event queue only
  // One instance per channel: the poller keeps a set of these, and a fresh method reference per
  // send would add a duplicate (and a native poll) per message.
  private final BooleanSupplier poll = this::pollBufferedAmount;
  // With jrtc's native observer: libwebrtc's OnBufferedAmountChange reports, total so far, and
  // whether a task applying it is already queued (one task serves a whole run of reports).
  private final AtomicLong reportedDrained = new AtomicLong();
  private final AtomicBoolean drainTaskQueued = new AtomicBoolean();

  /**
   * @param local the options of a channel this side created (its attributes are what was asked), or
   *     null for a channel the remote peer announced (read from libwebrtc)
   */
  RTCDataChannel(
      RTCPeerConnection owner,
      DataChannelBridge bridge,
      SerialEventQueue queue,
      String label,
      RTCDataChannelInit local) {
    this.owner = owner;
    this.bridge = bridge;
    this.queue = queue;
    if (local != null) {
      this.label = label;
      this.ordered = local.ordered();
      this.maxPacketLifeTime = local.maxPacketLifeTime();
      this.maxRetransmits = local.maxRetransmits();
      this.protocol = local.protocol();
      this.negotiated = local.negotiated();
      this.priority = local.priority();
    } else {
      this.label = bridge.label();
      this.ordered = bridge.ordered();
      this.maxPacketLifeTime = bridge.maxPacketLifeTime();
      this.maxRetransmits = bridge.maxRetransmits();
      this.protocol = bridge.protocol();
      this.negotiated = bridge.negotiated();
      this.priority = RTCPriorityType.LOW;
    }
  }

  /** Starts receiving native events; separate from construction so events keep spec order. */
  void attach() {
    bridge.observe(
        new DataChannelBridgeObserver() {
          @Override
          public void onStateChange(RTCDataChannelState state) {
            queue.execute(() -> handleState(state));
          }

          @Override
          public void onMessage(ByteBuffer data, boolean binary) {
            queue.execute(() -> handleMessage(data, binary));
          }

          @Override
          public void onBufferedAmountChange(long sentDataSize) {
            drainedReported(sentDataSize);
          }

          @Override
          public void onError(RTCErrorDetailType detail, Integer sctpCauseCode) {
            queue.execute(() -> handleError(detail, sctpCauseCode));
          }
        });
  }

  /**
   * For a channel the peer announced (on the queue): open it, without its event yet, fire
   * "datachannel" ({@code fireDatachannel}), then "open" if still open (webrtc-pc "announce a data
   * channel", steps 7-9), so the handler can send. libwebrtc reports the new channel while it is
   * still connecting and refuses sends until it is open: then all of this waits for its open.
   */
  void announce(Runnable fireDatachannel) {
    if (bridge.readyState() == RTCDataChannelState.CONNECTING) {
      pendingAnnouncement = fireDatachannel;
    } else {
      openAndAnnounce(fireDatachannel);
    }
  }

  private void openAndAnnounce(Runnable fireDatachannel) {
    boolean opening = readyState == RTCDataChannelState.CONNECTING;
    if (opening) {
      readyState = RTCDataChannelState.OPEN;
      owner.dataChannelOpened();
    }
    fireDatachannel.run();
    if (opening && readyState == RTCDataChannelState.OPEN && !owner.isClosedInternal()) {
      dispatchEvent(new Event("open"));
      Integer unused = bridge.id();
    }
  }

  /** After a channel libwebrtc opened inside createDataChannel: its open event, in a later task. */
  void announceIfOpen() {
    if (bridge.readyState() == RTCDataChannelState.OPEN) {
      handleState(RTCDataChannelState.OPEN);
    }
  }

  private void handleState(RTCDataChannelState state) {
    if (owner.isClosedInternal()) {
      return;
    }
    switch (state) {
      case OPEN -> {
        Runnable announcement = pendingAnnouncement;
        if (announcement != null) {
          pendingAnnouncement = null;
          openAndAnnounce(announcement);
        } else if (readyState == RTCDataChannelState.CONNECTING) {
          readyState = RTCDataChannelState.OPEN;
          owner.dataChannelOpened();
          dispatchEvent(new Event("open"));
          // Keep the id (assigned by now) for after close; read after the event, as it waits for
          // libwebrtc's network thread.
          Integer unused = bridge.id();
        }
      }
      case CLOSING -> {
        if (readyState != RTCDataChannelState.CLOSED && readyState != RTCDataChannelState.CLOSING) {
          readyState = RTCDataChannelState.CLOSING;
          dispatchEvent(new Event("closing"));
        }
      }
      case CLOSED -> {
        if (readyState != RTCDataChannelState.CLOSED) {
          readyState = RTCDataChannelState.CLOSED;
          owner.forget(this);
          bridge.dispose();
          dispatchEvent(new Event("close"));
        }
      }
      default -> {}
    }
  }

  /** Spec "announce closed" with an error: "error" fires before "close". */
  private void handleError(RTCErrorDetailType detail, Integer sctpCauseCode) {
    if (owner.isClosedInternal() || readyState == RTCDataChannelState.CLOSED) {
      return;
    }
    RTCError error =
        new RTCError(
            new RTCErrorInit(detail, null, sctpCauseCode, null, null, null),
            "The data channel's transport closed with an error (" + detail + ")");
    dispatchEvent(new RTCErrorEvent("error", error));
  }

  private void handleMessage(ByteBuffer data, boolean binary) {
    if (readyState == RTCDataChannelState.CONNECTING) {
      // libwebrtc delivers messages only on an open channel, so this one is open even if its open
      // announcement is still behind this task (a channel libwebrtc opened inside
      // createDataChannel, announced by a posted task): announce it now, then deliver.
      handleState(RTCDataChannelState.OPEN);
    }
    if (owner.isClosedInternal() || readyState != RTCDataChannelState.OPEN) {
      return;
    }
    Object payload;
    if (!binary) {
      payload = StandardCharsets.UTF_8.decode(data).toString();
    } else if (binaryType == BinaryType.BLOB) {
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      payload = new Blob(bytes, "");
    } else {
      payload = data.asReadOnlyBuffer();
    }
    dispatchEvent(new MessageEvent("message", payload));
  }

  /**
   * The label given at creation (not unique).
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/label">MDN</a>.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Whether messages arrive in the order they were sent.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/ordered">MDN</a>.
   *
   * @return true for an ordered channel
   */
  public boolean ordered() {
    return ordered;
  }

  /**
   * How long, in milliseconds, a message may be retransmitted in unreliable mode; null when not
   * set.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/maxPacketLifeTime">MDN</a>.
   *
   * @return the lifetime, or null
   */
  public Integer maxPacketLifeTime() {
    return maxPacketLifeTime;
  }

  /**
   * How many times a message may be retransmitted in unreliable mode; null when not set.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/maxRetransmits">MDN</a>.
   *
   * @return the retransmit limit, or null
   */
  public Integer maxRetransmits() {
    return maxRetransmits;
  }

  /**
   * The subprotocol given at creation; empty when none.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/protocol">MDN</a>.
   *
   * @return the subprotocol
   */
  public String protocol() {
    return protocol;
  }

  /**
   * Whether the application negotiated the channel (with an agreed id) instead of announcing it
   * in-band.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/negotiated">MDN</a>.
   *
   * @return true for a negotiated channel
   */
  public boolean negotiated() {
    return negotiated;
  }

  /**
   * The SCTP stream id; null until negotiated (in-band channels before the transport is up).
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/id">MDN</a>.
   *
   * @return the stream id, or null
   */
  public Integer id() {
    return bridge.id();
  }

  /**
   * The channel's priority.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/priority">MDN</a>.
   *
   * @return the priority
   */
  public RTCPriorityType priority() {
    return priority;
  }

  /**
   * The channel's state: connecting, open, closing or closed.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/readyState">MDN</a>.
   *
   * @return the state
   */
  public RTCDataChannelState readyState() {
    return readyState;
  }

  /**
   * Bytes given to {@code send} and not yet handed to the transport.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/bufferedAmount">MDN</a>.
   *
   * @return the bytes queued
   */
  public long bufferedAmount() {
    return bufferedAmount;
  }

  /**
   * The level at or below which {@code bufferedamountlow} fires; 0 by default.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/bufferedAmountLowThreshold">MDN</a>.
   *
   * @return the threshold in bytes
   */
  public long bufferedAmountLowThreshold() {
    return bufferedAmountLowThreshold;
  }

  /**
   * Sets the level at or below which {@code bufferedamountlow} fires.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/bufferedAmountLowThreshold">MDN</a>.
   *
   * @param threshold the threshold in bytes
   */
  public void bufferedAmountLowThreshold(long threshold) {
    if (threshold < 0) {
      throw new TypeError("bufferedAmountLowThreshold must not be negative");
    }
    this.bufferedAmountLowThreshold = threshold;
  }

  /**
   * How binary messages are delivered: "arraybuffer" (a read-only {@code ByteBuffer}, the default)
   * or "blob" (a {@link Blob}).
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/binaryType">MDN</a>.
   *
   * @return the binary type
   */
  public BinaryType binaryType() {
    return binaryType;
  }

  /**
   * Sets how binary messages are delivered.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/binaryType">MDN</a>.
   *
   * @param binaryType "arraybuffer" or "blob"
   */
  public void binaryType(BinaryType binaryType) {
    if (binaryType == null) {
      throw new TypeError("binaryType must not be null");
    }
    this.binaryType = binaryType;
  }

  /**
   * Sends a text message (UTF-8 on the wire).
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/RTCDataChannel/send">MDN</a>.
   *
   * @param data the text
   */
  public void send(String data) {
    if (data == null) {
      throw new TypeError("data must not be null");
    }
    sendBytes(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)), false);
  }

  /**
   * Sends a binary message: the whole array.
   *
   * @param data the bytes
   */
  public void send(byte[] data) {
    if (data == null) {
      throw new TypeError("data must not be null");
    }
    sendBytes(ByteBuffer.wrap(data), true);
  }

  /**
   * Sends a binary message: the buffer's remaining bytes; its position is not changed.
   *
   * @param data the bytes from position to limit
   */
  public void send(ByteBuffer data) {
    if (data == null) {
      throw new TypeError("data must not be null");
    }
    sendBytes(data, true);
  }

  /**
   * Sends a Blob's bytes as a binary message.
   *
   * @param data the blob
   */
  public void send(Blob data) {
    if (data == null) {
      throw new TypeError("data must not be null");
    }
    sendBytes(ByteBuffer.wrap(data.bytes()), true);
  }

  private void sendBytes(ByteBuffer data, boolean binary) {
    if (readyState != RTCDataChannelState.OPEN) {
      throw Errors.invalidState("RTCDataChannel.readyState is not 'open' but '" + readyState + "'");
    }
    long size = data.remaining();
    long max = owner.maxMessageSize();
    if (max > 0 && size > max) {
      throw new TypeError(
          "Message of " + size + " bytes exceeds the maximum message size of " + max + " bytes");
    }
    synchronized (sendLock) {
      bridge.send(data, binary);
      totalSent += size;
      bufferedAmount = totalSent - totalDrained;
    }
    if (!bridge.reportsBufferedAmount()) {
      BufferedAmountPoller.watch(poll);
    }
  }

  /**
   * On libwebrtc's signaling thread: {@code sentDataSize} more bytes left libwebrtc's queue.
   * libwebrtc reports every 100 KiB drained and whenever the queue empties, as it does for
   * Chromium's own bufferedAmount.
   */
  private void drainedReported(long sentDataSize) {
    reportedDrained.addAndGet(sentDataSize);
    if (drainTaskQueued.compareAndSet(false, true)) {
      queue.execute(
          () -> {
            // Cleared before reading: a report after the read queues another task.
            drainTaskQueued.set(false);
            applyDrained(reportedDrained.get());
          });
    }
  }

  /** Called by the poller thread; returns whether libwebrtc still holds queued bytes. */
  private boolean pollBufferedAmount() {
    long sent;
    long queued;
    synchronized (sendLock) {
      if (readyState == RTCDataChannelState.CLOSED) {
        // Unsent data was never sent: the spec keeps it counted once the channel is closed.
        return false;
      }
      sent = totalSent;
      queued = bridge.nativeBufferedAmount();
    }
    long drained = sent - queued;
    if (drained > lastDrainPosted) {
      lastDrainPosted = drained;
      queue.execute(() -> applyDrained(drained));
    }
    return queued > 0;
  }

  private void applyDrained(long reported) {
    long before;
    long after;
    synchronized (sendLock) {
      // libwebrtc also counts a send it refused (jrtc threw and did not count it): never let that
      // drain bytes not yet sent.
      long drained = Math.min(reported, totalSent);
      if (drained <= totalDrained) {
        return;
      }
      before = totalSent - totalDrained;
      if (readyState == RTCDataChannelState.CLOSED) {
        return;
      }
      totalDrained = drained;
      after = totalSent - totalDrained;
      bufferedAmount = after;
    }
    long threshold = bufferedAmountLowThreshold;
    if (before > threshold
        && after <= threshold
        && !owner.isClosedInternal()
        && readyState != RTCDataChannelState.CLOSED) {
      dispatchEvent(new Event("bufferedamountlow"));
    }
  }

  /** Starts the closing procedure; "close" fires once the channel is closed. Idempotent. */
  @Override
  public void close() {
    if (readyState == RTCDataChannelState.CLOSING || readyState == RTCDataChannelState.CLOSED) {
      return;
    }
    readyState = RTCDataChannelState.CLOSING;
    bridge.close();
  }

  /** The connection closed: closed at once, without events (spec: close the connection). */
  void closeWithConnection() {
    readyState = RTCDataChannelState.CLOSED;
    bridge.dispose();
  }

  /**
   * Sets the {@code onopen} handler: it runs for each {@code "open"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onopen(EventHandler<Event> handler) {
    setEventHandler("open", handler);
  }

  /**
   * Sets the {@code onmessage} handler: it runs for each {@code "message"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onmessage(EventHandler<MessageEvent> handler) {
    setEventHandler("message", handler);
  }

  /**
   * Sets the {@code onbufferedamountlow} handler: it runs for each {@code "bufferedamountlow"}
   * event, never on a native thread. Replaces the previous handler, as assignment does in JS; null
   * removes it.
   *
   * @param handler the handler, or null
   */
  public void onbufferedamountlow(EventHandler<Event> handler) {
    setEventHandler("bufferedamountlow", handler);
  }

  /**
   * Sets the {@code onerror} handler: it runs for each {@code "error"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onerror(EventHandler<Event> handler) {
    setEventHandler("error", handler);
  }

  /**
   * Sets the {@code onclosing} handler: it runs for each {@code "closing"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onclosing(EventHandler<Event> handler) {
    setEventHandler("closing", handler);
  }

  /**
   * Sets the {@code onclose} handler: it runs for each {@code "close"} event, never on a native
   * thread. Replaces the previous handler, as assignment does in JS; null removes it.
   *
   * @param handler the handler, or null
   */
  public void onclose(EventHandler<Event> handler) {
    setEventHandler("close", handler);
  }

  @Override
  public String toString() {
    return "RTCDataChannel[label=" + label + ", id=" + id() + ", readyState=" + readyState + "]";
  }
}

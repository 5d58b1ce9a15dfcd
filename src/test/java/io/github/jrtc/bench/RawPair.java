package io.github.jrtc.bench;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCOfferOptions;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A connected raw pair. webrtc-java never fires onBufferedAmountChange, so flow control polls
 * getBufferedAmount() every millisecond, as its users must.
 */
final class RawPair implements BenchPair {
  private final RawPeer a;
  private final RawPeer b;
  private final RTCDataChannel local;
  private final RTCDataChannel remote;
  private final long connectNanos;
  private final AtomicReference<Receiver> receiver;

  /** Where incoming messages are counted; swapped per transfer. */
  private static final class Receiver {
    final long total;
    final AtomicLong received = new AtomicLong();
    final CompletableFuture<Long> done = new CompletableFuture<>();

    Receiver(long total) {
      this.total = total;
    }
  }

  private RawPair(
      RawPeer a,
      RawPeer b,
      RTCDataChannel local,
      RTCDataChannel remote,
      AtomicReference<Receiver> receiver,
      long connectNanos) {
    this.a = a;
    this.b = b;
    this.local = local;
    this.remote = remote;
    this.receiver = receiver;
    this.connectNanos = connectNanos;
  }

  static RawPair connect(PeerConnectionFactory factory) throws Exception {
    return connect(factory, Runnable::run);
  }

  /**
   * @param steps runs each negotiation step after the previous one's callback: inline on
   *     libwebrtc's signaling thread (as webrtc-java's users write it), or handed to another
   *     thread, as jrtc's threading rule (user code never on a native thread) requires
   */
  static RawPair connect(PeerConnectionFactory factory, Executor steps) throws Exception {
    CountDownLatch ready = new CountDownLatch(4);
    AtomicReference<RTCDataChannel> remote = new AtomicReference<>();
    AtomicReference<Receiver> receiver = new AtomicReference<>();
    RawPeer a = new RawPeer(factory, ready::countDown, c -> {});
    RawPeer b =
        new RawPeer(
            factory,
            ready::countDown,
            c -> {
              remote.set(c);
              watchOpen(c, ready, receiver);
            });
    a.pairWith(b);
    b.pairWith(a);
    try {
      long t0 = System.nanoTime();
      RTCDataChannel local = a.pc.createDataChannel("bench", new RTCDataChannelInit());
      watchOpen(local, ready, null);
      CompletableFuture<Void> negotiated =
          RawFutures.createOffer(a.pc, new RTCOfferOptions())
              .thenComposeAsync(
                  offer -> RawFutures.setLocal(a.pc, offer).thenApply(v -> offer), steps)
              .thenComposeAsync(b::setRemote, steps)
              .thenComposeAsync(v -> RawFutures.createAnswer(b.pc, new RTCAnswerOptions()), steps)
              .thenComposeAsync(
                  answer -> RawFutures.setLocal(b.pc, answer).thenApply(v -> answer), steps)
              .thenComposeAsync(a::setRemote, steps);
      if (!ready.await(20, TimeUnit.SECONDS)) {
        negotiated.getNow(null);
        throw new TimeoutException("raw pair did not connect");
      }
      long elapsed = System.nanoTime() - t0;
      return new RawPair(a, b, local, remote.get(), receiver, elapsed);
    } catch (Exception | Error e) {
      a.pc.close();
      b.pc.close();
      throw e;
    }
  }

  /** Counts the channel's opening once, whether it is open already or opens later. */
  private static void watchOpen(
      RTCDataChannel channel, CountDownLatch ready, AtomicReference<Receiver> receiver) {
    AtomicBoolean counted = new AtomicBoolean();
    channel.registerObserver(
        new RTCDataChannelObserver() {
          @Override
          public void onBufferedAmountChange(long previousAmount) {}

          @Override
          public void onStateChange() {
            if (channel.getState() == RTCDataChannelState.OPEN
                && counted.compareAndSet(false, true)) {
              ready.countDown();
            }
          }

          @Override
          public void onMessage(RTCDataChannelBuffer buffer) {
            Receiver r = receiver == null ? null : receiver.get();
            if (r != null && r.received.addAndGet(buffer.data.remaining()) >= r.total) {
              r.done.complete(System.nanoTime());
            }
          }
        });
    if (channel.getState() == RTCDataChannelState.OPEN && counted.compareAndSet(false, true)) {
      ready.countDown();
    }
  }

  @Override
  public long connectNanos() {
    return connectNanos;
  }

  @Override
  public long transfer(int size, long total) throws Exception {
    Receiver r = new Receiver(total);
    receiver.set(r);
    byte[] chunk = new byte[size];
    long sent = 0;
    long t0 = System.nanoTime();
    while (sent < total) {
      while (sent < total && local.getBufferedAmount() < Marks.HIGH) {
        local.send(new RTCDataChannelBuffer(ByteBuffer.wrap(chunk), true));
        sent += size;
      }
      while (sent < total && local.getBufferedAmount() > Marks.LOW) {
        LockSupport.parkNanos(1_000_000);
      }
    }
    long end = r.done.get(120, TimeUnit.SECONDS);
    receiver.set(null);
    return end - t0;
  }

  @Override
  public void close() {
    local.unregisterObserver();
    if (remote != null) {
      remote.unregisterObserver();
    }
    a.pc.close();
    b.pc.close();
  }
}

package io.github.jrtc.bench;

import io.github.jrtc.CandidateForwarding;
import io.github.jrtc.RTCDataChannel;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.RTCPeerConnectionState;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** A connected jrtc pair: trickle ICE, in-band channel, flow control by bufferedamountlow. */
final class JrtcPair implements BenchPair {
  private final RTCPeerConnection a;
  private final RTCPeerConnection b;
  private final RTCDataChannel local;
  private final RTCDataChannel remote;
  private final long connectNanos;

  private JrtcPair(
      RTCPeerConnection a,
      RTCPeerConnection b,
      RTCDataChannel local,
      RTCDataChannel remote,
      long connectNanos) {
    this.a = a;
    this.b = b;
    this.local = local;
    this.remote = remote;
    this.connectNanos = connectNanos;
  }

  static JrtcPair connect() throws Exception {
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    try {
      CandidateForwarding ice = CandidateForwarding.between(a, b);
      CountDownLatch ready = new CountDownLatch(4);
      a.onconnectionstatechange(
          e -> {
            if (a.connectionState() == RTCPeerConnectionState.CONNECTED) {
              ready.countDown();
            }
          });
      b.onconnectionstatechange(
          e -> {
            if (b.connectionState() == RTCPeerConnectionState.CONNECTED) {
              ready.countDown();
            }
          });
      AtomicReference<RTCDataChannel> remote = new AtomicReference<>();
      b.ondatachannel(
          e -> {
            remote.set(e.channel());
            e.channel().onopen(o -> ready.countDown());
          });
      long t0 = System.nanoTime();
      RTCDataChannel local = a.createDataChannel("bench");
      local.onopen(e -> ready.countDown());
      CompletableFuture<Void> negotiated =
          a.createOffer()
              .thenCompose(a::setLocalDescription)
              .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
              .thenCompose(v -> b.createAnswer())
              .thenCompose(b::setLocalDescription)
              .thenCompose(v -> a.setRemoteDescription(b.localDescription()));
      if (!ready.await(20, TimeUnit.SECONDS)) {
        negotiated.getNow(null);
        throw new TimeoutException(
            String.format(
                "jrtc pair did not connect: a %s/%s, b %s/%s, channel %s, remote %s, negotiated %s,"
                    + " addIceCandidate failures %s",
                a.connectionState(),
                a.iceConnectionState(),
                b.connectionState(),
                b.iceConnectionState(),
                local.readyState(),
                remote.get() == null ? null : remote.get().readyState(),
                negotiated.isDone() ? "done" : "pending",
                ice.rejections()));
      }
      long elapsed = System.nanoTime() - t0;
      return new JrtcPair(a, b, local, remote.get(), elapsed);
    } catch (Exception | Error e) {
      a.close();
      b.close();
      throw e;
    }
  }

  @Override
  public long connectNanos() {
    return connectNanos;
  }

  @Override
  public long transfer(int size, long total) throws Exception {
    CompletableFuture<Long> done = new CompletableFuture<>();
    long[] received = {0};
    remote.onmessage(
        e -> {
          received[0] += ((ByteBuffer) e.data()).remaining();
          if (received[0] >= total) {
            done.complete(System.nanoTime());
          }
        });
    byte[] chunk = new byte[size];
    long[] sent = {0};
    Runnable fill =
        () -> {
          synchronized (sent) {
            while (sent[0] < total && local.bufferedAmount() < Marks.HIGH) {
              local.send(chunk);
              sent[0] += size;
            }
          }
        };
    local.bufferedAmountLowThreshold(Marks.LOW);
    local.onbufferedamountlow(e -> fill.run());
    long t0 = System.nanoTime();
    fill.run();
    long end = done.get(120, TimeUnit.SECONDS);
    local.onbufferedamountlow(null);
    remote.onmessage(null);
    return end - t0;
  }

  @Override
  public void close() {
    a.close();
    b.close();
  }
}

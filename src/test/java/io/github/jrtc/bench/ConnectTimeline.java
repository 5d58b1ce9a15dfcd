package io.github.jrtc.bench;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCSessionDescription;
import io.github.jrtc.RTCPeerConnection;
import io.github.jrtc.internal.loop.EventThreads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Where a connect's time goes: the same negotiation as the bench's connect row (in-process
 * signaling, trickle), jrtc and raw webrtc-java alternating, with the time of every step since the
 * start; prints the median of each. Run inside a namespace, like {@code scripts/bench}: {@code java
 * -cp ... io.github.jrtc.bench.ConnectTimeline [connects] [warm-ups]}.
 */
public final class ConnectTimeline {
  private static final String[] MARKS = {
    "offer created",
    "A setLocalDescription done",
    "B setRemoteDescription done",
    "answer created",
    "B setLocalDescription done",
    "A setRemoteDescription done",
    "A first candidate",
    "B first candidate",
    "A connected",
    "B connected",
    "A channel open",
    "B channel open",
    "B added A's first candidate",
    "A added B's first candidate",
  };

  private static long t0;
  private static long[] marks = new long[MARKS.length];

  private ConnectTimeline() {}

  private static synchronized void mark(int i) {
    if (marks[i] == 0) {
      marks[i] = System.nanoTime() - t0;
    }
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int warm = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    RawSide raw = new RawSide();
    List<long[]> jrtc = new ArrayList<>();
    List<long[]> direct = new ArrayList<>();
    List<long[]> handedOff = new ArrayList<>();
    ExecutorService pool =
        Executors.newCachedThreadPool(EventThreads.daemonFactory("raw-hand-off-"));
    for (int i = 0; i < n + warm; i++) {
      long[] j = jrtc();
      long[] r = raw(raw.factory(), Runnable::run);
      long[] h = raw(raw.factory(), pool);
      if (i >= warm) {
        jrtc.add(j);
        direct.add(r);
        handedOff.add(h);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "load %s; %d connects per side after %d warm-ups%n",
        Files.readString(Path.of("/proc/loadavg")).trim(),
        n,
        warm);
    System.out.printf(
        Locale.ROOT,
        "| step (ms since start, p50) | jrtc | raw webrtc-java | raw, each step handed to a pool"
            + " thread |%n");
    System.out.printf("|---|---:|---:|---:|%n");
    for (int i = 0; i < MARKS.length; i++) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.2f | %.2f | %.2f |%n",
          MARKS[i],
          median(jrtc, i),
          median(direct, i),
          median(handedOff, i));
    }
    System.out.flush();
    Runtime.getRuntime().halt(0);
  }

  private static double median(List<long[]> runs, int k) {
    double[] v = runs.stream().mapToDouble(a -> a[k] / 1e6).sorted().toArray();
    return v[v.length / 2];
  }

  private static long[] jrtc() throws Exception {
    marks = new long[MARKS.length];
    RTCPeerConnection a = new RTCPeerConnection();
    RTCPeerConnection b = new RTCPeerConnection();
    try {
      CountDownLatch ready = new CountDownLatch(4);
      a.onicecandidate(
          e -> {
            if (e.candidate() != null) {
              mark(6);
              CompletableFuture<Void> unused =
                  b.addIceCandidate(e.candidate().toInit()).thenRun(() -> mark(12));
            }
          });
      b.onicecandidate(
          e -> {
            if (e.candidate() != null) {
              mark(7);
              CompletableFuture<Void> unused =
                  a.addIceCandidate(e.candidate().toInit()).thenRun(() -> mark(13));
            }
          });
      a.onconnectionstatechange(
          e -> {
            if (a.connectionState() == io.github.jrtc.RTCPeerConnectionState.CONNECTED) {
              mark(8);
              ready.countDown();
            }
          });
      b.onconnectionstatechange(
          e -> {
            if (b.connectionState() == io.github.jrtc.RTCPeerConnectionState.CONNECTED) {
              mark(9);
              ready.countDown();
            }
          });
      b.ondatachannel(
          e ->
              e.channel()
                  .onopen(
                      o -> {
                        mark(11);
                        ready.countDown();
                      }));
      t0 = System.nanoTime();
      io.github.jrtc.RTCDataChannel local = a.createDataChannel("bench");
      local.onopen(
          e -> {
            mark(10);
            ready.countDown();
          });
      CompletableFuture<Void> unused =
          a.createOffer()
              .thenApply(
                  o -> {
                    mark(0);
                    return o;
                  })
              .thenCompose(a::setLocalDescription)
              .thenRun(() -> mark(1))
              .thenCompose(v -> b.setRemoteDescription(a.localDescription()))
              .thenRun(() -> mark(2))
              .thenCompose(v -> b.createAnswer())
              .thenApply(
                  o -> {
                    mark(3);
                    return o;
                  })
              .thenCompose(b::setLocalDescription)
              .thenRun(() -> mark(4))
              .thenCompose(v -> a.setRemoteDescription(b.localDescription()))
              .thenRun(() -> mark(5));
      if (!ready.await(20, TimeUnit.SECONDS)) {
        throw new TimeoutException("jrtc pair did not connect");
      }
      return marks.clone();
    } finally {
      a.close();
      b.close();
    }
  }

  /**
   * @param steps where each negotiation step continues after the previous one's callback: inline on
   *     libwebrtc's signaling thread, or handed to a pool thread (one hop per step, as jrtc's
   *     threading rule needs), which isolates the price of the hand-off from the rest of jrtc
   */
  private static long[] raw(PeerConnectionFactory factory, Executor steps) throws Exception {
    marks = new long[MARKS.length];
    CountDownLatch ready = new CountDownLatch(4);
    Peer a = new Peer(factory, 8, 6, 13, ready, c -> {});
    Peer b = new Peer(factory, 9, 7, 12, ready, c -> watchOpen(c, ready, 11));
    a.other = b;
    b.other = a;
    try {
      t0 = System.nanoTime();
      RTCDataChannel local = a.pc.createDataChannel("bench", new RTCDataChannelInit());
      watchOpen(local, ready, 10);
      CompletableFuture<Void> unused =
          RawFutures.createOffer(a.pc, new RTCOfferOptions())
              .thenApplyAsync(
                  o -> {
                    mark(0);
                    return o;
                  },
                  steps)
              .thenCompose(
                  offer ->
                      RawFutures.setLocal(a.pc, offer)
                          .thenApply(
                              v -> {
                                mark(1);
                                return offer;
                              }))
              .thenComposeAsync(b::setRemote, steps)
              .thenApplyAsync(
                  v -> {
                    mark(2);
                    return v;
                  },
                  steps)
              .thenCompose(v -> RawFutures.createAnswer(b.pc, new RTCAnswerOptions()))
              .thenApplyAsync(
                  o -> {
                    mark(3);
                    return o;
                  },
                  steps)
              .thenCompose(
                  answer ->
                      RawFutures.setLocal(b.pc, answer)
                          .thenApply(
                              v -> {
                                mark(4);
                                return answer;
                              }))
              .thenComposeAsync(a::setRemote, steps)
              .thenRun(() -> mark(5));
      if (!ready.await(20, TimeUnit.SECONDS)) {
        throw new TimeoutException("raw pair did not connect");
      }
      local.unregisterObserver();
      return marks.clone();
    } finally {
      a.pc.close();
      b.pc.close();
    }
  }

  private static void watchOpen(RTCDataChannel c, CountDownLatch ready, int mark) {
    c.registerObserver(
        new RTCDataChannelObserver() {
          @Override
          public void onBufferedAmountChange(long previousAmount) {}

          @Override
          public void onStateChange() {
            if (c.getState() == RTCDataChannelState.OPEN) {
              mark(mark);
              ready.countDown();
            }
          }

          @Override
          public void onMessage(RTCDataChannelBuffer buffer) {}
        });
    if (c.getState() == RTCDataChannelState.OPEN) {
      mark(mark);
      ready.countDown();
    }
  }

  /** {@link RawPeer}'s candidate handling, with marks. */
  private static final class Peer implements PeerConnectionObserver {
    final dev.onvoid.webrtc.RTCPeerConnection pc;
    Peer other;
    private final int connectedMark;
    private final int candidateMark;
    private final int addedMark;
    private final CountDownLatch ready;
    private final Consumer<RTCDataChannel> onChannel;
    private final List<RTCIceCandidate> pending = new ArrayList<>();
    private boolean remoteSet;

    Peer(
        PeerConnectionFactory factory,
        int connectedMark,
        int candidateMark,
        int addedMark,
        CountDownLatch ready,
        Consumer<RTCDataChannel> onChannel) {
      this.connectedMark = connectedMark;
      this.candidateMark = candidateMark;
      this.addedMark = addedMark;
      this.ready = ready;
      this.onChannel = onChannel;
      this.pc = factory.createPeerConnection(new RTCConfiguration(), this);
    }

    @Override
    public void onIceCandidate(RTCIceCandidate candidate) {
      mark(candidateMark);
      other.addRemote(candidate);
    }

    private void addRemote(RTCIceCandidate candidate) {
      synchronized (pending) {
        if (!remoteSet) {
          pending.add(candidate);
          return;
        }
      }
      pc.addIceCandidate(candidate);
      mark(addedMark);
    }

    CompletableFuture<Void> setRemote(RTCSessionDescription d) {
      return RawFutures.setRemote(pc, d)
          .thenRun(
              () -> {
                List<RTCIceCandidate> held;
                synchronized (pending) {
                  remoteSet = true;
                  held = new ArrayList<>(pending);
                  pending.clear();
                }
                for (RTCIceCandidate c : held) {
                  pc.addIceCandidate(c);
                  mark(addedMark);
                }
              });
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
      if (state == RTCPeerConnectionState.CONNECTED) {
        mark(connectedMark);
        ready.countDown();
      }
    }

    @Override
    public void onDataChannel(RTCDataChannel channel) {
      onChannel.accept(channel);
    }
  }
}

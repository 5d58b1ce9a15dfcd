package io.github.jrtc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Child JVM for the memory rows, so that one side's RSS never includes the other's. Usage: {@code
 * MemoryProbe jrtc|raw pairs|cycles N}; prints one line {@code RESULT rssKb heapKb threads fds},
 * each per pair (open pairs) or per cycle (closed pairs), measured after warm-up and a full GC. The
 * parent starts it with a fixed, pre-touched heap: RSS growth is then native memory only, and the
 * Java heap still in use after GC is reported beside it.
 */
public final class MemoryProbe {
  private static final int WARM_UP = 8;
  private static final int PARALLEL = 8;

  private MemoryProbe() {}

  public static void main(String[] args) {
    try {
      probe(args);
    } catch (Throwable t) { // NOPMD: report and end; native threads would keep the JVM alive
      t.printStackTrace();
      System.err.flush();
      Runtime.getRuntime().halt(1);
    }
  }

  private static void probe(String[] args) throws Exception {
    Side side = args[0].equals("jrtc") ? new JrtcSide() : new RawSide();
    boolean keepOpen = args[1].equals("pairs");
    List<BenchPair> open = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    run(side, pool, WARM_UP * 2, keepOpen, open);
    ProcStats before = ProcStats.settled();
    // Checkpoints, e.g. "200,1000": the larger count grows from the same baseline.
    int done = 0;
    for (String checkpoint : args[2].split(",")) {
      int n = Integer.parseInt(checkpoint);
      run(side, pool, n - done, keepOpen, open);
      done = n;
      ProcStats after = ProcStats.settled();
      System.out.printf(
          "RESULT %d %.2f %.2f %.3f %.3f%n",
          n,
          (after.rssKb() - before.rssKb()) / (double) n,
          (after.heapKb() - before.heapKb()) / (double) n,
          (after.threads() - before.threads()) / (double) n,
          (after.fds() - before.fds()) / (double) n);
      System.out.flush();
    }
    // Thousands of open connections: skip the orderly teardown, it is not what is measured.
    Runtime.getRuntime().halt(0);
  }

  /**
   * With thousands of connections on two shared cores an ICE check now and then times out on either
   * side; one retry keeps the run going and is logged (its closed pair counts as kept).
   */
  private static BenchPair connectRetrying(Side side) throws Exception {
    try {
      return side.connect();
    } catch (java.util.concurrent.TimeoutException e) {
      Bench.log("%s: connect retried after: %s", side.name(), e.getMessage());
      return side.connect();
    }
  }

  private static void run(
      Side side, ExecutorService pool, int n, boolean keepOpen, List<BenchPair> open)
      throws Exception {
    List<Future<BenchPair>> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      batch.add(pool.submit(() -> connectRetrying(side)));
      if (batch.size() == PARALLEL || i == n - 1) {
        for (Future<BenchPair> f : batch) {
          BenchPair pair = f.get();
          if (keepOpen) {
            open.add(pair);
          } else {
            pair.close();
          }
        }
        batch.clear();
        if ((i + 1) % 200 == 0) {
          Bench.log("%s: %d of %d", side.name(), i + 1, n);
        }
      }
    }
  }
}

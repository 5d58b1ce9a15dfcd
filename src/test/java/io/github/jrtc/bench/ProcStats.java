package io.github.jrtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** This process's resident memory, Java heap in use, threads and open file descriptors. */
record ProcStats(long rssKb, long heapKb, long threads, long fds) {
  static ProcStats now() throws IOException {
    long rss = 0;
    long threads = 0;
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = Long.parseLong(line.replaceAll("\\D", ""));
      } else if (line.startsWith("Threads:")) {
        threads = Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    long fds;
    try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
      fds = s.count();
    }
    Runtime rt = Runtime.getRuntime();
    return new ProcStats(rss, (rt.totalMemory() - rt.freeMemory()) / 1024, threads, fds);
  }

  /** After a full GC, so that garbage does not count as memory kept. */
  static ProcStats settled() throws Exception {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return now();
  }
}

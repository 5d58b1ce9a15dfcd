package io.github.jrtc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** This process's resident memory, thread and file descriptor counts from /proc (Linux only). */
public final class ProcSelf {
  private ProcSelf() {}

  /** VmRSS in kB. */
  public static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }

  public static int threads() {
    return count(Path.of("/proc/self/task"));
  }

  public static int fds() {
    return count(Path.of("/proc/self/fd"));
  }

  private static int count(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return (int) s.count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Least-squares slope of y over x. */
  public static double slope(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }
}

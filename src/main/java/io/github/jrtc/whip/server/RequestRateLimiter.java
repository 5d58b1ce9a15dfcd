package io.github.jrtc.whip.server;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client request budgets (token buckets keyed by remote address): {@code burst} at once,
 * refilled at {@code perSecond}. The table is capped; when full, idle entries are dropped first
 * and, if none is idle, the new client shares one overflow bucket, so a flood of source addresses
 * cannot grow memory without bound.
 */
final class RequestRateLimiter {
  static final int MAX_CLIENTS = 10_000;
  private static final String OVERFLOW = "\u0000overflow";

  private final double perSecond;
  private final double burst;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  private static final class Bucket {
    double tokens;
    long last;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.last = now;
    }
  }

  RequestRateLimiter(double perSecond, int burst) {
    this.perSecond = perSecond;
    this.burst = burst;
  }

  boolean tryAcquire(String client) {
    long now = System.nanoTime();
    String key = client;
    if (!buckets.containsKey(key) && buckets.size() >= MAX_CLIENTS) {
      evictIdle(now);
      if (buckets.size() >= MAX_CLIENTS) {
        key = OVERFLOW;
      }
    }
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (b) {
      b.tokens = Math.min(burst, b.tokens + (now - b.last) * perSecond / 1e9);
      b.last = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return true;
      }
      return false;
    }
  }

  /** Seconds until this client has a token again (at least 1, for Retry-After). */
  long retryAfterSeconds() {
    return Math.max(1, (long) Math.ceil(1 / perSecond));
  }

  int clients() {
    return buckets.size();
  }

  private void evictIdle(long now) {
    long full = (long) (burst / perSecond * 1e9);
    for (Iterator<Map.Entry<String, Bucket>> it = buckets.entrySet().iterator(); it.hasNext(); ) {
      Bucket b = it.next().getValue();
      synchronized (b) {
        if (now - b.last > full) {
          it.remove();
        }
      }
    }
  }
}

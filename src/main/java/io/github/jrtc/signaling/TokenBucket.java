package io.github.jrtc.signaling;

/** A per-connection message budget: {@code burst} at once, refilled at {@code perSecond}. */
final class TokenBucket {
  private final double perSecond;
  private final double burst;
  private double tokens;
  private long last;

  TokenBucket(double perSecond, double burst) {
    this.perSecond = perSecond;
    this.burst = burst;
    this.tokens = burst;
    this.last = System.nanoTime();
  }

  synchronized boolean tryTake() {
    long now = System.nanoTime();
    tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}

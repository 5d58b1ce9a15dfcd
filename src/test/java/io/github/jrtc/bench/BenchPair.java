package io.github.jrtc.bench;

/** Two connected peers with an open data channel between them. */
interface BenchPair extends AutoCloseable {
  /** createOffer → both connected and the channel open, in ns. */
  long connectNanos();

  /**
   * Sends {@code total} bytes in {@code size}-byte binary messages with flow control (stop at the
   * high mark, resume at the low mark); returns ns from the first send to the last byte received.
   */
  long transfer(int size, long total) throws Exception;

  @Override
  void close();
}

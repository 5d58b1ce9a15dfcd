package io.github.jrtc.bench;

/**
 * One of the two things being compared: jrtc, or raw webrtc-java written the way a competent user
 * would. Each side owns its own native factory; both run in the same JVM for the latency and
 * throughput metrics, each in its own child JVM for the memory ones.
 */
interface Side extends AutoCloseable {
  String name();

  /** An offer with one data channel (WPT's generateDataChannelOffer). */
  String dataChannelOffer() throws Exception;

  /**
   * An offer with one audio and one video section. The bench answers the raw side's on both sides,
   * so that the createAnswer rows compare like for like; jrtc's own is checked to be made.
   */
  String audioVideoOffer() throws Exception;

  /** A fresh answerer applies {@code offerSdp}; returns how long createAnswer took, in ns. */
  long answerNanos(String offerSdp) throws Exception;

  /**
   * A fresh pair with one data channel, from createOffer until both connections are connected and
   * the channel is open on both ends.
   */
  BenchPair connect() throws Exception;

  @Override
  void close();
}

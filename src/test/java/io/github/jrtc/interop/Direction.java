package io.github.jrtc.interop;

/** Who sends the offer. */
enum Direction {
  PEER_OFFERS("%s offers, jrtc answers"),
  JRTC_OFFERS("jrtc offers, %s answers");

  private final String format;

  Direction(String format) {
    this.format = format;
  }

  String describe(String peer) {
    return String.format(format, peer);
  }
}

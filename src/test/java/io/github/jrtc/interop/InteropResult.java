package io.github.jrtc.interop;

/**
 * One case's outcome, as its summary line shows it. {@code frames} and {@code audioLevel} say what
 * media was verified, or why none was.
 */
record InteropResult(
    String peer,
    String version,
    String direction,
    long msToConnected,
    String frames,
    String audioLevel,
    String messages) {

  static final String HEADER =
      String.join(
          "\t",
          "peer",
          "version",
          "direction",
          "ms_to_connected",
          "frames",
          "audio_level",
          "messages");

  String tsv() {
    return String.join(
        "\t", peer, version, direction, Long.toString(msToConnected), frames, audioLevel, messages);
  }

  @Override
  public String toString() {
    return String.format(
        "INTEROP %s %s | %s | connected in %d ms | frames: %s | audio: %s | messages: %s",
        peer, version, direction, msToConnected, frames, audioLevel, messages);
  }
}

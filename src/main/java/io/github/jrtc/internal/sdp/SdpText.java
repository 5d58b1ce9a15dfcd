package io.github.jrtc.internal.sdp;

import java.util.regex.Pattern;

/** Splitting SDP text: patterns compiled once (String.split compiles one per call). */
final class SdpText {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private SdpText() {}

  /** The whitespace-separated fields of a line. */
  static String[] fields(String line) {
    return WHITESPACE.split(line);
  }
}

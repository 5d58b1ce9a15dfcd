package io.github.jrtc.internal.webrtcjava;

import io.github.jrtc.RTCError;
import io.github.jrtc.RTCErrorDetailType;
import io.github.jrtc.RTCErrorInit;

/**
 * Refuses, in Java, the SDP and candidate text that crashes the JVM inside webrtc-java 0.14.0
 * (found by SdpFuzzIT, run in a child JVM):
 *
 * <ul>
 *   <li>A '%' in a line libwebrtc fails to parse: webrtc-java builds its Java exception with {@code
 *       JavaError(env, e.what())}, which treats the message, libwebrtc's parse error with the
 *       offending line in it, as a printf format: "%s" or "%n" there is a SIGSEGV in vsnprintf.
 *       Free-text lines that libwebrtc ignores (s=, i=, u=, e=, p=) have their '%' replaced; a '%'
 *       anywhere else is refused as a syntax error (no structured SDP line allows one).
 *   <li>Huge text: webrtc-java converts it with {@code String.getBytes} and never checks for
 *       OutOfMemoryError, then dereferences the null array.
 * </ul>
 */
final class NativeInputGuard {
  /** Far above any real SDP (a 16-track Chromium offer is about 40 kB). */
  static final int MAX_SDP_CHARS = 4 << 20;

  /** Far above any real candidate line (about 200 characters). */
  static final int MAX_CANDIDATE_CHARS = 64 << 10;

  private NativeInputGuard() {}

  /** The SDP to hand to webrtc-java, or an RTCError (sdp-syntax-error) if it must not be. */
  static String sdp(String sdp) {
    if (sdp == null || sdp.isEmpty()) {
      return sdp;
    }
    if (sdp.length() > MAX_SDP_CHARS) {
      throw syntax("the description is " + sdp.length() + " characters long", null);
    }
    if (sdp.indexOf('%') < 0) {
      return sdp;
    }
    String[] lines = sdp.split("\n", -1);
    StringBuilder out = new StringBuilder(sdp.length());
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.indexOf('%') >= 0) {
        if (isFreeText(line)) {
          line = line.replace('%', '_');
        } else {
          throw syntax("'%' is not allowed in line " + (i + 1) + ": " + abbreviate(line), i + 1);
        }
      }
      out.append(line);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** Null if the candidate may be handed to webrtc-java, else why not. */
  static String candidateProblem(String candidate, String sdpMid) {
    if (candidate != null && candidate.length() > MAX_CANDIDATE_CHARS) {
      return "the candidate is " + candidate.length() + " characters long";
    }
    if (candidate != null && candidate.indexOf('%') >= 0) {
      return "'%' is not allowed in a candidate";
    }
    if (sdpMid != null && (sdpMid.length() > MAX_CANDIDATE_CHARS || sdpMid.indexOf('%') >= 0)) {
      return "the sdpMid is not a valid media id";
    }
    return null;
  }

  private static boolean isFreeText(String line) {
    return line.length() >= 2 && line.charAt(1) == '=' && "siuep".indexOf(line.charAt(0)) >= 0;
  }

  private static String abbreviate(String line) {
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

  private static RTCError syntax(String why, Integer lineNumber) {
    return new RTCError(
        new RTCErrorInit(RTCErrorDetailType.SDP_SYNTAX_ERROR, lineNumber, null, null, null, null),
        "Failed to parse SessionDescription: " + why);
  }
}

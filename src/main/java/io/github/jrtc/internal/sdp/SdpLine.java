package io.github.jrtc.internal.sdp;

/**
 * One line of a session description exactly as received: its text and the line break that ended it
 * ("\r\n", "\n", or "" for a last line without one), so that printing gives back the same bytes.
 *
 * @param text the line without its line break
 * @param eol the line break that followed it
 */
public record SdpLine(String text, String eol) {
  /** The line's type letter ('v', 'o', 'm', 'a', ...), or 0 when it is not {@code <letter>=}. */
  public char type() {
    return text.length() >= 2 && text.charAt(1) == '=' ? text.charAt(0) : 0;
  }

  /** Whether this is an {@code a=} line naming {@code name} ({@code a=name} or {@code a=name:}). */
  public boolean isAttribute(String name) {
    return text.startsWith("a=")
        && text.startsWith(name, 2)
        && (text.length() == 2 + name.length() || text.charAt(2 + name.length()) == ':');
  }

  /** The attribute of an {@code a=} line, or null for any other line. */
  public SdpAttribute attribute() {
    if (!text.startsWith("a=")) {
      return null;
    }
    int colon = text.indexOf(':');
    return colon < 0
        ? new SdpAttribute(text.substring(2), null)
        : new SdpAttribute(text.substring(2, colon), text.substring(colon + 1));
  }
}

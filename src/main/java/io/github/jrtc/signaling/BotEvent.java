package io.github.jrtc.signaling;

/**
 * Something a {@link CallBot} did or saw, for status lines: {@code peer} is the other user (null
 * for the bot's own sign-in events) and {@code text} says what happened in words.
 */
public record BotEvent(Kind kind, String peer, String text) {
  /** What kind of thing happened. */
  public enum Kind {
    /** Signed in to the signaling server (text: the name it got). */
    JOINED,
    /** The user list changed (text: the users). */
    USERS,
    /** The signaling connection state changed. */
    SIGNALING,
    /** A call began (text: "incoming" or "outgoing"). */
    CALL,
    /** The call's connectionState changed (text: the state). */
    STATE,
    /** A data channel opened (text: its label). */
    CHANNEL,
    /** A data channel message arrived (text: the message, or its size for binary). */
    MESSAGE,
    /** Periodic call statistics (text: bitrate, frames). */
    STATS,
    /** A call's recording started, finished or failed (text: what, with the file's path). */
    RECORDING,
    /** The call ended (text: why). */
    ENDED,
    /** Something failed (text: what). */
    ERROR
  }
}

package io.github.jrtc;

/**
 * The "message" event of a data channel. {@link #data()} is a {@code String} for text messages and,
 * for binary ones, a read-only {@link java.nio.ByteBuffer} (binaryType "arraybuffer") that the
 * handler may keep: it is a copy, not the native buffer.
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MessageEvent">MDN</a>.
 */
public final class MessageEvent extends Event {
  private final Object data;
  private final String origin;
  private final String lastEventId;

  /**
   * A message event with empty origin and lastEventId.
   *
   * @param type the JS event type, normally "message"
   * @param data the message: a String, a read-only ByteBuffer or a Blob
   */
  public MessageEvent(String type, Object data) {
    this(type, data, "", "");
  }

  /**
   * A message event.
   *
   * @param type the JS event type, normally "message"
   * @param data the message: a String, a read-only ByteBuffer or a Blob
   * @param origin the origin (empty for data channels)
   * @param lastEventId the last event id (empty for data channels)
   */
  public MessageEvent(String type, Object data, String origin, String lastEventId) {
    super(type);
    this.data = data;
    this.origin = origin;
    this.lastEventId = lastEventId;
  }

  /**
   * The message: a {@code String} for text; for binary a read-only {@code ByteBuffer} (binaryType
   * "arraybuffer") or a {@link Blob} ("blob").
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MessageEvent/data">MDN</a>.
   *
   * @return the message
   */
  public Object data() {
    return data;
  }

  /**
   * The origin of the message; empty for data channels.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/MessageEvent/origin">MDN</a>.
   *
   * @return the origin
   */
  public String origin() {
    return origin;
  }

  /**
   * The last event id; empty for data channels.
   *
   * <p>See <a
   * href="https://developer.mozilla.org/en-US/docs/Web/API/MessageEvent/lastEventId">MDN</a>.
   *
   * @return the id
   */
  public String lastEventId() {
    return lastEventId;
  }
}

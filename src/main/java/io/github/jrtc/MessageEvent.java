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

  public MessageEvent(String type, Object data) {
    this(type, data, "", "");
  }

  public MessageEvent(String type, Object data, String origin, String lastEventId) {
    super(type);
    this.data = data;
    this.origin = origin;
    this.lastEventId = lastEventId;
  }

  public Object data() {
    return data;
  }

  public String origin() {
    return origin;
  }

  public String lastEventId() {
    return lastEventId;
  }
}

package io.github.jrtc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * An immutable chunk of bytes, as JS's {@code Blob}: what binary messages are with binaryType
 * "blob".
 *
 * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Blob">MDN</a>.
 */
public final class Blob {
  private final byte[] bytes;
  private final String type;

  /**
   * A blob holding a copy of {@code bytes}.
   *
   * @param bytes the content
   * @param type the MIME type; null means ""
   */
  public Blob(byte[] bytes, String type) {
    this.bytes = bytes.clone();
    this.type = type == null ? "" : type;
  }

  /**
   * The size in bytes.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Blob/size">MDN</a>.
   *
   * @return the size
   */
  public long size() {
    return bytes.length;
  }

  /**
   * The MIME type; empty when unknown.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Blob/type">MDN</a>.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * A read-only view of the bytes.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Blob/arrayBuffer">MDN</a>.
   *
   * @return the bytes
   */
  public CompletableFuture<ByteBuffer> arrayBuffer() {
    return CompletableFuture.completedFuture(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
  }

  /**
   * The bytes decoded as UTF-8.
   *
   * <p>See <a href="https://developer.mozilla.org/en-US/docs/Web/API/Blob/text">MDN</a>.
   *
   * @return the text
   */
  public CompletableFuture<String> text() {
    return CompletableFuture.completedFuture(new String(bytes, StandardCharsets.UTF_8));
  }

  /**
   * A copy of the bytes (not in JS; a Java convenience).
   *
   * @return a copy of the bytes
   */
  public byte[] bytes() {
    return bytes.clone();
  }
}

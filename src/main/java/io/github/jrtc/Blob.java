package io.github.jrtc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * An immutable chunk of bytes, as JS's {@code Blob}: what binary messages are with binaryType
 * "blob".
 */
public final class Blob {
  private final byte[] bytes;
  private final String type;

  public Blob(byte[] bytes, String type) {
    this.bytes = bytes.clone();
    this.type = type == null ? "" : type;
  }

  public long size() {
    return bytes.length;
  }

  public String type() {
    return type;
  }

  /** A read-only view of the bytes. */
  public CompletableFuture<ByteBuffer> arrayBuffer() {
    return CompletableFuture.completedFuture(ByteBuffer.wrap(bytes).asReadOnlyBuffer());
  }

  public CompletableFuture<String> text() {
    return CompletableFuture.completedFuture(new String(bytes, StandardCharsets.UTF_8));
  }

  /** A copy of the bytes, as MDN's {@code blob.bytes()} (a promise of a {@code Uint8Array}). */
  public CompletableFuture<byte[]> bytes() {
    return CompletableFuture.completedFuture(bytes.clone());
  }

  /** A copy of the bytes, synchronously (not in JS; the Java convenience). */
  public byte[] toByteArray() {
    return bytes.clone();
  }
}

package io.github.jrtc.internal.recording;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Hands out a growing recording file as consecutive chunks: each {@link #take} returns the bytes
 * written since the previous one, so the chunks concatenated are the file. The muxer only appends
 * to it (it is opened non-seekable), which makes every chunk final when taken.
 */
public final class BlobOutput implements AutoCloseable {
  private final Path file;
  private final boolean deleteOnClose;
  private FileChannel reader;
  private long offset;
  // Media time of the first packet written since the last take, -1 if none (the blob's timecode).
  private long firstPacketMillis = -1;
  private long lastPacketMillis;
  private long firstBlobMillis = -1;

  BlobOutput(Path file, boolean deleteOnClose) {
    this.file = file;
    this.deleteOnClose = deleteOnClose;
  }

  Path file() {
    return file;
  }

  /** Called by the encoding thread for every packet written. */
  synchronized void packetWritten(long mediaMillis) {
    if (firstPacketMillis < 0) {
      firstPacketMillis = mediaMillis;
    }
    lastPacketMillis = mediaMillis;
  }

  /** A chunk and its timecode (ms from the first blob's first packet). */
  public record Chunk(byte[] bytes, double timecode) {}

  /** The bytes written since the last take (empty if none). */
  synchronized Chunk take(boolean readBytes) throws IOException {
    long start = firstPacketMillis >= 0 ? firstPacketMillis : lastPacketMillis;
    if (firstBlobMillis < 0) {
      firstBlobMillis = start;
    }
    double timecode = Math.max(0, start - firstBlobMillis);
    firstPacketMillis = -1;
    if (!readBytes || !Files.exists(file)) {
      return new Chunk(new byte[0], timecode);
    }
    if (reader == null) {
      reader = FileChannel.open(file, StandardOpenOption.READ);
    }
    long size = reader.size();
    int n = (int) Math.min(Integer.MAX_VALUE - 16, size - offset);
    ByteBuffer buf = ByteBuffer.allocate(Math.max(0, n));
    while (buf.hasRemaining()) {
      int r = reader.read(buf, offset + buf.position());
      if (r < 0) {
        break;
      }
    }
    offset += buf.position();
    byte[] out = new byte[buf.position()];
    buf.flip().get(out);
    return new Chunk(out, timecode);
  }

  @Override
  public synchronized void close() {
    try {
      if (reader != null) {
        reader.close();
      }
      if (deleteOnClose) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A temporary file that cannot be removed is left behind; nothing else depends on it.
    }
  }
}

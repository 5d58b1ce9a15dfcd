package io.github.jrtc.signaling;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP client that speaks just enough HTTP/1.1 and RFC 6455 by hand to misbehave in ways a real
 * WebSocket library won't: trickled or unfinished requests, huge headers, oversize and endless
 * fragmented frames, never reading.
 */
final class RawSocket implements AutoCloseable {
  final Socket socket;
  final OutputStream out;
  final InputStream in;

  private RawSocket(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
  }

  static RawSocket connect(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 10_000);
    s.setTcpNoDelay(true);
    return new RawSocket(s);
  }

  /** A WebSocket upgrade request for {@code target} (path and query) with extra header lines. */
  static String upgradeRequest(String target, String... headers) {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    StringBuilder sb =
        new StringBuilder("GET ")
            .append(target)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
            .append("Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ")
            .append(Base64.getEncoder().encodeToString(key))
            .append("\r\n");
    for (String h : headers) {
      sb.append(h).append("\r\n");
    }
    return sb.append("\r\n").toString();
  }

  void write(String ascii) throws IOException {
    out.write(ascii.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads a response head; returns its status code. */
  int readStatus(int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("closed after " + head.size() + " bytes: " + head);
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    String line = head.toString(StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
    return Integer.parseInt(line.split(" ")[1]);
  }

  /** Upgrades; true if the server answered 101. */
  boolean upgrade(String target, String... headers) throws IOException {
    write(upgradeRequest(target, headers));
    return readStatus(10_000) == 101;
  }

  /** Writes one masked client frame. */
  void frame(int opcode, boolean fin, byte[] payload) throws IOException {
    ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
    f.write((fin ? 0x80 : 0) | opcode);
    int n = payload.length;
    if (n < 126) {
      f.write(0x80 | n);
    } else if (n < 65536) {
      f.write(0x80 | 126);
      f.write(n >>> 8);
      f.write(n);
    } else {
      f.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        f.write((int) ((long) n >>> (8 * i)));
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    f.write(mask, 0, 4);
    for (int i = 0; i < n; i++) {
      f.write(payload[i] ^ mask[i & 3]);
    }
    out.write(f.toByteArray());
    out.flush();
  }

  void text(String s) throws IOException {
    frame(1, true, s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads server frames until a close frame (returns its status code) or the end of the stream or a
   * reset (returns -1). Fails with SocketTimeoutException if neither comes in time.
   */
  int awaitClose(int timeoutMs) throws IOException {
    socket.setSoTimeout(timeoutMs);
    try {
      while (true) {
        int b0 = in.read();
        if (b0 < 0) {
          return -1;
        }
        int b1 = readByte();
        long len = b1 & 0x7f;
        if (len == 126) {
          len = ((long) readByte() << 8) | readByte();
        } else if (len == 127) {
          len = 0;
          for (int i = 0; i < 8; i++) {
            len = (len << 8) | readByte();
          }
        }
        byte[] payload = in.readNBytes((int) len);
        if ((b0 & 0x0f) == 8) {
          return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
      }
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return -1; // reset
    }
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException();
    }
    return b;
  }

  /** True once the server has closed this connection (end of stream or reset), within the wait. */
  boolean closedByServer(int waitMs) throws IOException {
    socket.setSoTimeout(waitMs);
    try {
      while (true) {
        int n = in.read(new byte[4096]);
        if (n < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }
}

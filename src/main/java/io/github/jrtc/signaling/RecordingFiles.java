package io.github.jrtc.signaling;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names of a bot's call recordings: {@code DIR/<UTC start>-<peer>.webm}, the start as {@code
 * yyyyMMdd'T'HHmmss'Z'} and the peer's name reduced to {@code [A-Za-z0-9._-]} (every other
 * character becomes {@code _}), so that no user name can leave DIR or make an awkward file name. A
 * name already taken gets {@code -2}, {@code -3} …; so does a call's next file.
 */
final class RecordingFiles {
  static final String EXTENSION = ".webm";
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int MAX_PEER_CHARS = 64;
  private static final int MAX_INDEX = 10_000;

  private RecordingFiles() {}

  /** The name without index and extension, e.g. {@code 20261207T174603Z-alice}. */
  static String base(Instant start, String peer) {
    return UTC.format(start) + "-" + safePeer(peer);
  }

  /** {@code peer} with every character outside {@code [A-Za-z0-9._-]} replaced by {@code _}. */
  static String safePeer(String peer) {
    if (peer == null || peer.isEmpty()) {
      return "peer";
    }
    StringBuilder b = new StringBuilder(Math.min(peer.length(), MAX_PEER_CHARS));
    peer.codePoints().limit(MAX_PEER_CHARS).forEach(c -> b.append(allowed(c) ? (char) c : '_'));
    return b.toString();
  }

  private static boolean allowed(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }

  /** The file name for the {@code index}th file (1: no suffix, then {@code -2}, {@code -3} …). */
  static String name(String base, int index) {
    return index <= 1 ? base + EXTENSION : base + "-" + index + EXTENSION;
  }

  /**
   * Creates the first free file {@code base[-index].webm} in {@code dir} from {@code fromIndex} on
   * (creating DIR if missing). Creating it is the reservation, so concurrent calls, bots or
   * processes never share a file.
   *
   * @return the created, empty file
   */
  static Path reserve(Path dir, String base, int fromIndex) throws IOException {
    Files.createDirectories(dir);
    for (int i = Math.max(1, fromIndex); i < MAX_INDEX; i++) {
      Path p = dir.resolve(name(base, i));
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        // Taken: try the next index.
      }
    }
    throw new IOException("no free name for " + base + " in " + dir);
  }

  /** The index a reserved file carries ({@code base.webm} is 1, {@code base-3.webm} is 3). */
  static int index(String base, Path file) {
    String n = file.getFileName().toString();
    if (n.equals(base + EXTENSION)) {
      return 1;
    }
    return Integer.parseInt(n.substring(base.length() + 1, n.length() - EXTENSION.length()));
  }
}

package io.github.jrtc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rows of the reliability summary that scripts/test prints at the end: one file per test under
 * target/reliability, each line "test TAB cases TAB failures TAB note".
 */
public final class ReliabilityReport {
  private ReliabilityReport() {}

  public static void row(String test, long cases, long failures, String note) {
    Path dir = Path.of(System.getProperty("jrtc.reliability.dir", "target/reliability"));
    try {
      Files.createDirectories(dir);
      String line =
          String.join("\t", test, Long.toString(cases), Long.toString(failures), note) + "\n";
      Files.writeString(
          dir.resolve(test.replaceAll("[^A-Za-z0-9._-]", "_") + ".tsv"),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.github.jrtc.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Prints a case's summary line and appends it to target/interop/summary.tsv, which scripts/test
 * prints as a table at the end of the run.
 */
final class Summary {
  static final Path DIR = Path.of("target", "interop");
  private static final Path TSV = DIR.resolve("summary.tsv");

  private Summary() {}

  static synchronized void record(InteropResult result) throws IOException {
    System.out.println(result);
    Files.createDirectories(DIR);
    if (!Files.exists(TSV)) {
      Files.writeString(TSV, InteropResult.HEADER + "\n", StandardCharsets.UTF_8);
    }
    Files.writeString(TSV, result.tsv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}

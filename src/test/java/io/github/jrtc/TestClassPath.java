package io.github.jrtc;

import java.io.File;
import java.util.Arrays;
import java.util.stream.Collectors;

/** This test JVM's class path, for child JVMs that must run without an optional dependency. */
public final class TestClassPath {
  private TestClassPath() {}

  /** The class path without the entries whose path contains {@code fragment} (e.g. "bytedeco"). */
  public static String without(String fragment) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.contains(fragment))
        .collect(Collectors.joining(File.pathSeparator));
  }
}

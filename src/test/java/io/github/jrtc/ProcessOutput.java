package io.github.jrtc;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A child process's output, line by line, for tests that start jrtc's commands or bots. */
public final class ProcessOutput {
  /** Appended after a child's last line once its output ends. */
  public static final String END = "(end of output)";

  private ProcessOutput() {}

  /**
   * Reads {@code p}'s output (stderr merged by the caller's ProcessBuilder) into {@code lines} on a
   * daemon thread, handing each line to {@code each} too, and appends {@link #END} at its end.
   *
   * @return the reading thread, started
   */
  public static Thread collect(
      Process p, List<String> lines, String threadName, Consumer<String> each) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  lines.add(line);
                  each.accept(line);
                }
              } catch (IOException e) {
                lines.add("(output lost: " + e + ")");
              }
              lines.add(END);
            },
            threadName);
    reader.setDaemon(true);
    reader.start();
    return reader;
  }

  /** {@link #collect(Process, List, String, Consumer)} without a per-line action. */
  public static Thread collect(Process p, List<String> lines, String threadName) {
    return collect(p, lines, threadName, line -> {});
  }

  /**
   * The first line {@code p} finds (its first group if it has one), waiting up to {@code atMost}.
   */
  public static String awaitLine(List<String> lines, Pattern p, Duration atMost) {
    return await()
        .atMost(atMost)
        .until(
            () -> {
              for (String l : lines) {
                Matcher m = p.matcher(l);
                if (m.find()) {
                  return m.groupCount() > 0 ? m.group(1) : l;
                }
              }
              return null;
            },
            s -> s != null);
  }
}

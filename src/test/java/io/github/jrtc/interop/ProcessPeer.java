package io.github.jrtc.interop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer in a child process that speaks the peer protocol as JSON lines on stdin/stdout; its stderr
 * goes to a log file under target/interop. The child inherits the test JVM's network namespace.
 */
final class ProcessPeer implements PeerLink {
  private final String peer;
  private final Inbox inbox;
  private final Process process;
  private final Writer stdin;
  private final Path log;
  private final String version;

  ProcessPeer(String peer, Path log, List<String> command) throws Exception {
    this.peer = peer;
    this.inbox = new Inbox(peer);
    this.log = log;
    Files.createDirectories(log.getParent());
    process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile())).start();
    stdin = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, peer + "-stdout");
    reader.setDaemon(true);
    reader.start();
    version = inbox.awaitType("version", Duration.ofSeconds(30)).path("version").asText();
  }

  static List<String> python(Path script, String... args) {
    List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-u", script.toString()));
    command.addAll(List.of(args));
    return command;
  }

  private void readLines() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (!line.isBlank()) {
          inbox.add(Messages.parse(line));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      inbox.add(Messages.of("error").put("message", "stdout of " + peer + ": " + e));
    }
  }

  @Override
  public String peer() {
    return peer;
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public synchronized void send(ObjectNode message) {
    try {
      stdin.write(Messages.write(message));
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(peer + " is gone (log " + log + "): " + tail(), e);
    }
  }

  @Override
  public void awaitHangUp(Duration timeout) throws Exception {
    inbox.awaitType("closed", timeout);
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(peer + " did not exit after bye; log: " + tail());
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(peer + " exited with " + process.exitValue() + "; log: " + tail());
    }
  }

  /** The end of the peer's stderr, for failure messages. */
  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException ignored) {
      // The peer may have exited already.
    }
    try {
      if (!process.waitFor(3, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}

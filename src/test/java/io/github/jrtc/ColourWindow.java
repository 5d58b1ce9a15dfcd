package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A top-level X11 window of one colour on the test display, drawn by Tk (python3-tk, see
 * scripts/setup; src/test/resources/x11/colour_window.py). Closing it ends the process.
 */
public final class ColourWindow implements AutoCloseable {
  private final Process process;
  private final BufferedReader out;
  private final Writer in;
  private final long xid;

  private ColourWindow(Process process) throws IOException {
    this.process = process;
    this.out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.xid = Long.parseLong(readLine("the window's XID"));
  }

  public static ColourWindow open(int width, int height, String colour) throws Exception {
    MediaServices.requireDisplay();
    return open(width, height, colour, null);
  }

  /** On {@code display} (e.g. ":97"), or the test's own DISPLAY when null. */
  static ColourWindow open(int width, int height, String colour, String display) throws Exception {
    Path script = Files.createTempFile("jrtc-colour-window", ".py");
    try (InputStream s = ColourWindow.class.getResourceAsStream("/x11/colour_window.py")) {
      assertThat(s).as("colour_window.py on the test class path").isNotNull();
      Files.copy(s, script, StandardCopyOption.REPLACE_EXISTING);
    }
    script.toFile().deleteOnExit();
    // Debian's python3 (python3-tk), not whatever python3 comes first on PATH.
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    ProcessBuilder pb =
        new ProcessBuilder(
                python,
                script.toString(),
                Integer.toString(width),
                Integer.toString(height),
                colour)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    if (display != null) {
      pb.environment().put("DISPLAY", display);
    }
    Process p = pb.start();
    return new ColourWindow(p);
  }

  long xid() {
    return xid;
  }

  /** The getDisplayMedia deviceId that selects this window. */
  public String deviceId() {
    return MediaDevices.WINDOW_DEVICE_PREFIX + "0x" + Long.toHexString(xid);
  }

  /** Repaints the window and waits until Tk did. */
  public void paint(String colour) throws Exception {
    in.write(colour + "\n");
    in.flush();
    assertThat(readLine("the repaint")).isEqualTo("painted " + colour);
  }

  private String readLine(String what) throws IOException {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      String l = line.get(15, TimeUnit.SECONDS);
      assertThat(l).as("colour_window.py printed %s", what).isNotNull();
      return l;
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("colour_window.py did not print " + what, e);
    }
  }

  @Override
  public void close() throws Exception {
    try {
      in.close();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
  }
}

package io.github.jrtc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a child JVM with this test's class path (and so in its namespace), and ends
 * such a probe.
 */
final class ChildJvm {
  record Result(int exitCode, List<String> lines, boolean timedOut) {
    String output() {
      return String.join("\n", lines);
    }
  }

  private ChildJvm() {}

  static Result run(long timeoutSeconds, List<String> jvmArgs, String mainClass, String... args)
      throws Exception {
    return run(java.util.Map.of(), timeoutSeconds, jvmArgs, mainClass, args);
  }

  /** Like {@link #run}, with {@code classPath} instead of this test's class path. */
  static Result runWithClassPath(
      String classPath, long timeoutSeconds, List<String> jvmArgs, String mainClass, String... args)
      throws Exception {
    return run(java.util.Map.of(), classPath, timeoutSeconds, jvmArgs, mainClass, args);
  }

  static Result run(
      java.util.Map<String, String> env,
      long timeoutSeconds,
      List<String> jvmArgs,
      String mainClass,
      String... args)
      throws Exception {
    return run(
        env, System.getProperty("java.class.path"), timeoutSeconds, jvmArgs, mainClass, args);
  }

  private static Result run(
      java.util.Map<String, String> env,
      String classPath,
      long timeoutSeconds,
      List<String> jvmArgs,
      String mainClass,
      String... args)
      throws Exception {
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBin);
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classPath);
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader = ProcessOutput.collect(p, lines, "child-output");
    boolean exited = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
    reader.join(5000);
    List<String> output = new ArrayList<>(lines);
    output.remove(ProcessOutput.END);
    return new Result(exited ? p.exitValue() : -1, output, !exited);
  }

  /** A probe's body; whatever it throws is reported. */
  interface Body {
    void run() throws Exception;
  }

  /**
   * The end of a probe's main: runs {@code body}, then halts with 0, or with 1 after printing what
   * it threw. Halt, not exit: libwebrtc's threads keep the JVM alive, and its exit-time destructors
   * are not what the probes test.
   */
  static void runThenHalt(Body body) {
    int code = 0;
    try {
      body.run();
    } catch (Throwable t) { // NOPMD: report and end
      t.printStackTrace();
      code = 1;
    }
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }
}

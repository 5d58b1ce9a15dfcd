package io.github.jrtc.bench;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;

/**
 * jcmd's diagnostic commands from inside the JVM (the DiagnosticCommand MBean): class histograms,
 * native memory tracking and glibc's malloc_trim, without a second process.
 */
public final class Diagnostics {
  private Diagnostics() {}

  /** Runs e.g. {@code "gcClassHistogram"}, {@code "vmNativeMemory"} with jcmd-style arguments. */
  public static String run(String operation, String... args) {
    try {
      return (String)
          ManagementFactory.getPlatformMBeanServer()
              .invoke(
                  new ObjectName("com.sun.management:type=DiagnosticCommand"),
                  operation,
                  new Object[] {args},
                  new String[] {String[].class.getName()});
    } catch (Exception e) {
      return "(" + operation + " unavailable: " + e + ")";
    }
  }

  /**
   * glibc malloc_trim(0): gives free heap pages back to the kernel. RSS that this removes was
   * allocator retention, not a leak.
   */
  public static void trimNativeHeap() {
    run("systemTrimNativeHeap");
  }

  /** NMT's committed total in kB, or -1 without -XX:NativeMemoryTracking. */
  public static long nmtCommittedKb() {
    String s = run("vmNativeMemory", "summary");
    var m =
        java.util.regex.Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(s);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}

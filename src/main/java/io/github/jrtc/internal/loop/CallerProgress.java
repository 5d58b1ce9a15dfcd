package io.github.jrtc.internal.loop;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Whether the thread that called an operation has had the processor since its outcome was held: the
 * grace a {@link ReturnGate} gives a caller off every queue stands for "the caller's task is over",
 * and a caller that has not run at all (every core busy) cannot have finished its task. The {@link
 * GraceTimer} asks this when a grace ends and waits longer for a caller that is runnable but has
 * had almost no processor time since.
 */
interface CallerProgress {
  /** The caller's processor time so far, in ns; -1 when unknown (the grace then simply ends). */
  long cpuNanos(Thread caller);

  /** Whether the caller is runnable (running or waiting for a core), not parked or blocked. */
  boolean runnable(Thread caller);

  /** From the JVM's own per-thread processor clock. */
  CallerProgress JVM =
      new CallerProgress() {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final boolean supported =
            threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();

        @Override
        public long cpuNanos(Thread caller) {
          // getId(): threadId() is Java 19+.
          @SuppressWarnings("deprecation")
          long id = caller.getId();
          return supported ? threads.getThreadCpuTime(id) : -1;
        }

        @Override
        public boolean runnable(Thread caller) {
          return caller.getState() == Thread.State.RUNNABLE;
        }
      };
}

package io.github.jrtc.internal.loop;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The event queues that have tasks and wait for a pool thread, in the order they became ready.
 * Every pool thread that finishes a queue's turn takes the next ready queue itself, so a queue made
 * ready while another queue's thread is about to finish runs as soon as that thread is free. With
 * only a hand-off to a sleeping thread (a cached pool's), the queue waited for that thread to be
 * woken and scheduled, longest when the cores were busy with libwebrtc's threads (measured in
 * docs/benchmarks.md, "Cut this session"). A thread is still woken for every ready queue, so a
 * handler that blocks holds up only its own connection.
 */
final class ReadyQueues {
  private static final ReadyQueues SHARED = new ReadyQueues(EventThreads.pool());

  private final Executor pool;
  private final ConcurrentLinkedQueue<SerialEventQueue> ready = new ConcurrentLinkedQueue<>();
  private final Runnable runner = this::runReady;

  ReadyQueues(Executor pool) {
    this.pool = pool;
  }

  static ReadyQueues shared() {
    return SHARED;
  }

  /**
   * Makes {@code queue} ready; it must not be ready or running already.
   *
   * @throws java.util.concurrent.RejectedExecutionException when the pool takes no more work
   */
  void submit(SerialEventQueue queue) {
    ready.add(queue);
    try {
      pool.execute(runner);
    } catch (RuntimeException e) {
      // A runner already at work may have taken the queue meanwhile: then it is served, and
      // reporting the refusal would let the queue be made ready (and drained) twice.
      if (ready.remove(queue)) {
        throw e;
      }
    }
  }

  private void runReady() {
    SerialEventQueue queue;
    while ((queue = ready.poll()) != null) {
      queue.drain();
    }
  }
}

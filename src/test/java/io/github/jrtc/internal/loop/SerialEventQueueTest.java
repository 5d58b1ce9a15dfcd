package io.github.jrtc.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialEventQueueTest {
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  // The point of ReadyQueues: a queue made ready while another queue's task runs is taken by that
  // thread once it is free, without waiting for the thread woken for it (here: never woken).
  @Test
  void aQueueReadyWhileAnotherRunsIsTakenByTheThreadThatFreesUp() throws Exception {
    List<Runnable> neverWoken = new CopyOnWriteArrayList<>();
    AtomicInteger wakes = new AtomicInteger();
    ReadyQueues ready =
        new ReadyQueues(
            r -> {
              if (wakes.incrementAndGet() == 1) {
                threads.execute(r);
              } else {
                neverWoken.add(r);
              }
            });
    SerialEventQueue a = new SerialEventQueue("a", ready);
    SerialEventQueue b = new SerialEventQueue("b", ready);
    CountDownLatch bRan = new CountDownLatch(1);
    List<String> ranOn = new CopyOnWriteArrayList<>();
    a.execute(
        () -> {
          ranOn.add(Thread.currentThread().getName());
          b.execute(
              () -> {
                ranOn.add(Thread.currentThread().getName());
                bRan.countDown();
              });
        });
    assertThat(bRan.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(neverWoken).hasSize(1);
    assertThat(ranOn).hasSize(2);
    assertThat(ranOn.get(1)).isEqualTo(ranOn.get(0));
  }

  @Test
  void aRefusedScheduleLeavesTheQueueReadyToBeScheduledAgain() throws Exception {
    AtomicInteger refusals = new AtomicInteger(1);
    ReadyQueues ready =
        new ReadyQueues(
            r -> {
              if (refusals.getAndDecrement() > 0) {
                throw new RejectedExecutionException("full");
              }
              threads.execute(r);
            });
    SerialEventQueue q = new SerialEventQueue("q", ready);
    List<Integer> ran = new CopyOnWriteArrayList<>();
    CountDownLatch both = new CountDownLatch(2);
    q.execute(
        () -> {
          ran.add(1);
          both.countDown();
        });
    assertThat(ran).isEmpty();
    q.execute(
        () -> {
          ran.add(2);
          both.countDown();
        });
    assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly(1, 2);
  }

  @Test
  void everyTaskRunsOnceInSubmissionOrderPerQueueUnderManyProducers() throws Exception {
    ReadyQueues ready = new ReadyQueues(threads);
    int queues = 8;
    int producers = 4;
    int perProducer = 5000;
    List<SerialEventQueue> qs = new ArrayList<>();
    List<List<int[]>> seen = new ArrayList<>();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    for (int i = 0; i < queues; i++) {
      qs.add(new SerialEventQueue("q" + i, ready));
      seen.add(new ArrayList<>());
    }
    int[] active = new int[queues];
    CountDownLatch done = new CountDownLatch(queues * producers * perProducer);
    List<Thread> started = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      int producer = p;
      Thread t =
          new Thread(
              () -> {
                for (int n = 0; n < perProducer; n++) {
                  for (int q = 0; q < queues; q++) {
                    int queue = q;
                    int seq = n;
                    qs.get(q)
                        .execute(
                            () -> {
                              // Serial: no two tasks of one queue at once (plain fields, no lock).
                              if (++active[queue] != 1) {
                                overlaps.incrementAndGet();
                              }
                              running.incrementAndGet();
                              seen.get(queue).add(new int[] {producer, seq});
                              active[queue]--;
                              done.countDown();
                            });
                  }
                }
              });
      started.add(t);
      t.start();
    }
    for (Thread t : started) {
      t.join();
    }
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(overlaps).hasValue(0);
    assertThat(running).hasValue(queues * producers * perProducer);
    for (int q = 0; q < queues; q++) {
      int[] last = new int[producers];
      Arrays.fill(last, -1);
      synchronized (seen.get(q)) {
        assertThat(seen.get(q)).hasSize(producers * perProducer);
        for (int[] e : seen.get(q)) {
          assertThat(e[1]).as("queue %d producer %d order", q, e[0]).isEqualTo(last[e[0]] + 1);
          last[e[0]] = e[1];
        }
      }
    }
  }
}

package io.github.jrtc.internal.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.jrtc.internal.loop.OperationsChain;
import io.github.jrtc.internal.loop.SerialEventQueue;
import io.github.jrtc.internal.spec.Errors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Operation event's phases and outcomes, recorded by a real in-process JFR recording. */
class JfrEventsTest {
  @TempDir Path dir;

  @Test
  void anOperationIsRecordedWithItsPhasesAndOutcome() throws Exception {
    SerialEventQueue queue = new SerialEventQueue("pc-test", 4242);
    AtomicBoolean closed = new AtomicBoolean();
    OperationsChain chain = new OperationsChain(queue, closed::get, () -> {});
    List<RecordedEvent> events =
        record(
            () -> {
              CompletableFuture<String> nativeResult = new CompletableFuture<>();
              CompletableFuture<String> ok = chain.chain("createAnswer", () -> nativeResult);
              // libwebrtc's callback, 30 ms later on another thread.
              Thread t =
                  new Thread(
                      () -> {
                        sleep(30);
                        nativeResult.complete("answer");
                      });
              t.start();
              // Chained behind the first: its chain wait covers the first's native time.
              CompletableFuture<String> refused =
                  chain.chain(
                      "addIceCandidate",
                      () -> CompletableFuture.failedFuture(Errors.operation("no such m-line")));
              assertThat(ok.get(5, TimeUnit.SECONDS)).isEqualTo("answer");
              try {
                refused.get(5, TimeUnit.SECONDS);
              } catch (ExecutionException expected) {
                // the outcome is what is checked below
              }
              t.join();
            });
    assertThat(events).hasSize(2);
    RecordedEvent answer = events.get(0);
    assertThat(answer.getEventType().getName()).isEqualTo("io.github.jrtc.Operation");
    assertThat(answer.getLong("connection")).isEqualTo(4242);
    assertThat(answer.getString("kind")).isEqualTo("createAnswer");
    assertThat(answer.getString("outcome")).isEqualTo("resolved");
    assertThat(answer.getDuration("nativeTime")).isGreaterThanOrEqualTo(Duration.ofMillis(25));
    assertThat(answer.getDuration("settleTime")).isLessThan(Duration.ofSeconds(1));
    RecordedEvent candidate = events.get(1);
    assertThat(candidate.getString("kind")).isEqualTo("addIceCandidate");
    assertThat(candidate.getString("outcome")).isEqualTo("OperationError");
    assertThat(candidate.getDuration("chainWait")).isGreaterThanOrEqualTo(Duration.ofMillis(25));
  }

  @Test
  void anOperationOfAClosedConnectionIsRecordedAsNeverSettled() throws Exception {
    SerialEventQueue queue = new SerialEventQueue("pc-test", 7);
    AtomicBoolean closed = new AtomicBoolean();
    OperationsChain chain = new OperationsChain(queue, closed::get, () -> {});
    List<RecordedEvent> events =
        record(
            () -> {
              CompletableFuture<String> nativeResult = new CompletableFuture<>();
              CompletableFuture<String> p = chain.chain("createOffer", () -> nativeResult);
              assertThat(p.isDone()).isFalse();
              closed.set(true);
              nativeResult.complete("offer");
              // The outcome reaches the queue and is dropped there; wait for that turn.
              CompletableFuture<Void> turn = new CompletableFuture<>();
              queue.execute(() -> queue.execute(() -> turn.complete(null)));
              turn.get(5, TimeUnit.SECONDS);
              assertThat(p.isDone()).isFalse();
            });
    assertThat(events)
        .singleElement()
        .satisfies(e -> assertThat(e.getString("outcome")).isEqualTo("closed"));
  }

  @Test
  void nothingIsTimedWithoutARecording() {
    assertThat(OperationTimer.start(1, "createOffer")).isNull();
    assertThat(JfrEvents.dispatchEnabled()).isFalse();
  }

  private List<RecordedEvent> record(ThrowingRunnable body) throws Exception {
    Path file = dir.resolve("run.jfr");
    try (Recording r = new Recording()) {
      r.enable("io.github.jrtc.Operation");
      r.start();
      body.run();
      r.stop();
      r.dump(file);
    }
    assertThat(Files.size(file)).isPositive();
    return RecordingFile.readAllEvents(file).stream()
        .filter(e -> e.getEventType().getName().equals("io.github.jrtc.Operation"))
        .sorted((a, b) -> a.getStartTime().compareTo(b.getStartTime()))
        .toList();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}

package io.github.jrtc.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dependent counts as the caller's look only once it is attached: the outcome must not reach the
 * queue while the caller's thread is still attaching it, or it would run on that thread after the
 * events the settle released (seen as a candidate sent before the offer in ChromiumIT).
 */
class PendingPromiseTest {
  /** Only the caller can open a gate within a test. */
  private static final GraceTimer NO_GRACE =
      new GraceTimer("no-grace", TimeUnit.MINUTES.toNanos(10));

  private static final CompletableFuture<String> OTHER = CompletableFuture.completedFuture("o");
  private static final Executor DIRECT = Runnable::run;

  private final AtomicReference<CompletableFuture<String>> promise = new AtomicReference<>();
  private final List<Integer> dependentsWhenQueued = new ArrayList<>();
  private final List<Runnable> queued = new ArrayList<>();
  private final SerialEventQueue queue =
      new SerialEventQueue(
          "test",
          task -> {
            CompletableFuture<String> p = promise.get();
            dependentsWhenQueued.add(p == null ? -1 : p.getNumberOfDependents());
            queued.add(task);
          });
  private final OperationsChain chain =
      new OperationsChain(queue, () -> false, () -> {}, () -> false, NO_GRACE);

  static Stream<Arguments> dependents() {
    return Stream.of(
        dependent("thenApply", (p, ran) -> p.thenApply(v -> mark(ran))),
        dependent("thenApplyAsync", (p, ran) -> p.thenApplyAsync(v -> mark(ran), DIRECT)),
        dependent("thenAccept", (p, ran) -> p.thenAccept(v -> mark(ran))),
        dependent("thenRun", (p, ran) -> p.thenRun(() -> mark(ran))),
        dependent(
            "thenCompose",
            (p, ran) -> p.thenCompose(v -> CompletableFuture.completedFuture(mark(ran)))),
        dependent("thenCombine", (p, ran) -> p.thenCombine(OTHER, (a, b) -> mark(ran))),
        dependent("thenAcceptBoth", (p, ran) -> p.thenAcceptBoth(OTHER, (a, b) -> mark(ran))),
        dependent("runAfterBoth", (p, ran) -> p.runAfterBoth(OTHER, () -> mark(ran))),
        dependent(
            "applyToEither",
            (p, ran) -> p.applyToEither(new CompletableFuture<>(), v -> mark(ran))),
        dependent(
            "acceptEither", (p, ran) -> p.acceptEither(new CompletableFuture<>(), v -> mark(ran))),
        dependent(
            "runAfterEither",
            (p, ran) -> p.runAfterEither(new CompletableFuture<>(), () -> mark(ran))),
        dependent("whenComplete", (p, ran) -> p.whenComplete((v, e) -> mark(ran))),
        dependent("handle", (p, ran) -> p.handle((v, e) -> mark(ran))),
        dependent("copy", (p, ran) -> p.copy().thenRun(() -> mark(ran))));
  }

  private static Arguments dependent(
      String name, BiFunction<CompletableFuture<String>, AtomicBoolean, CompletionStage<?>> f) {
    return Arguments.of(name, f);
  }

  private static String mark(AtomicBoolean ran) {
    ran.set(true);
    return "ran";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dependents")
  void aDependentIsAttachedBeforeTheOutcomeIsQueued(
      String name,
      BiFunction<CompletableFuture<String>, AtomicBoolean, CompletionStage<?>> attach) {
    // The operation's outcome is in before the call returns (libwebrtc often answers first): the
    // gate holds it until this thread, which is on no queue, looks.
    CompletableFuture<String> p = chain.chain("test", () -> CompletableFuture.completedFuture("x"));
    promise.set(p);
    assertThat(queued).as("held until the caller looks").isEmpty();

    AtomicBoolean ran = new AtomicBoolean();
    CompletionStage<?> unused = attach.apply(p, ran);

    assertThat(dependentsWhenQueued)
        .as("%s attached when the outcome was queued", name)
        .hasSize(1)
        .allSatisfy(n -> assertThat(n).isPositive());
    assertThat(ran).as("nothing ran on the caller's thread").isFalse();
    queued.remove(0).run();
    assertThat(p).isCompletedWithValue("x");
    assertThat(ran).as("the dependent ran inside the settle").isTrue();
  }
}

package io.github.jrtc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deprecated callback forms: which callback runs, and with which DOMException. */
class LegacyCallbacksTest {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void successCallsOnlyTheSuccessCallbackAndFailureOnlyTheFailureCallback() throws Exception {
    LegacyCallbacks.adapt(
            CompletableFuture.completedFuture("v"),
            v -> log.add("success " + v),
            e -> log.add("failure"))
        .get(5, TimeUnit.SECONDS);
    LegacyCallbacks.adapt(
            CompletableFuture.failedFuture(new DOMException("m", "InvalidStateError")),
            v -> log.add("success"),
            e -> log.add("failure " + e.name()))
        .get(5, TimeUnit.SECONDS);
    assertThat(log).containsExactly("success v", "failure InvalidStateError");
  }

  @Test
  void missingCallbacksAreSkipped() throws Exception {
    assertThat(LegacyCallbacks.adapt(CompletableFuture.completedFuture("v"), null, null).get())
        .isNull();
    assertThat(
            LegacyCallbacks.adapt(CompletableFuture.failedFuture(new TypeError("t")), null, null)
                .get())
        .isNull();
  }

  @Test
  void errorsBecomeDomExceptionsByTheirSpecName() {
    DOMException d = new DOMException("m", "OperationError");
    assertThat(LegacyCallbacks.asDomException(new CompletionException(d))).isSameAs(d);
    assertThat(LegacyCallbacks.asDomException(new TypeError("bad")).name()).isEqualTo("TypeError");
    DOMException other = LegacyCallbacks.asDomException(new IllegalStateException("boom"));
    assertThat(other.name()).isEqualTo("OperationError");
    assertThat(other.getMessage()).isEqualTo("boom");
  }
}

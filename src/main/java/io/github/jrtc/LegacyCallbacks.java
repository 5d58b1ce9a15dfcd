package io.github.jrtc;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/** The deprecated callback forms of the offer/answer methods, on top of their futures. */
final class LegacyCallbacks {
  private LegacyCallbacks() {}

  /**
   * Calls {@code success} with the promise's value or {@code failure} with its error as a
   * DOMException (either may be null); the returned future completes once the callback ran.
   */
  static <T> CompletableFuture<Void> adapt(
      CompletableFuture<T> promise, Consumer<T> success, Consumer<DOMException> failure) {
    return promise.handle(
        (value, error) -> {
          if (error == null) {
            if (success != null) {
              success.accept(value);
            }
          } else if (failure != null) {
            failure.accept(asDomException(error));
          }
          return null;
        });
  }

  static DOMException asDomException(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e instanceof DOMException d) {
      return d;
    }
    String name = e instanceof TypeError ? "TypeError" : "OperationError";
    return new DOMException(String.valueOf(e.getMessage()), name);
  }
}

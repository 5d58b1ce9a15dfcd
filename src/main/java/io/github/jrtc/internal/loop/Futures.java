package io.github.jrtc.internal.loop;

import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Future plumbing that never lets a callback's exception vanish. */
public final class Futures {
  private static final Logger LOG = LoggerFactory.getLogger(Futures.class);

  private Futures() {}

  /** Runs {@code action} when {@code future} settles; logs anything the action throws. */
  public static <T> void onComplete(
      CompletableFuture<T> future, BiConsumer<? super T, ? super Throwable> action) {
    CompletableFuture<Void> unused =
        future
            .whenComplete(action)
            .handle(
                (v, e) -> {
                  if (e != null && !future.isCompletedExceptionally()) {
                    LOG.error("Exception in a jrtc completion callback", e);
                  }
                  return null;
                });
  }
}

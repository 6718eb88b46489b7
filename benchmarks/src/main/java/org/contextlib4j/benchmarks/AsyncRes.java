package org.contextlib4j.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.contextlib4j.AsyncCleanupAction;
import org.jspecify.annotations.Nullable;

/**
 * An async cleanup that records the shared tick at which it was started and returns an
 * already-completed stage, shared by all of them. It allocates nothing and never fails.
 */
final class AsyncRes implements AsyncCleanupAction {
  private final Ticker ticker;
  private final CompletableFuture<@Nullable Void> completed;
  private long closedAt;

  AsyncRes(Ticker ticker, CompletableFuture<@Nullable Void> completed) {
    this.ticker = ticker;
    this.completed = completed;
  }

  @Override
  public CompletionStage<?> runAsync() {
    closedAt = ++ticker.ticks;
    return completed;
  }

  long closedAt() {
    return closedAt;
  }
}

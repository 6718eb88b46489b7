package org.contextlib4j.benchmarks;

import org.contextlib4j.ExitHandler;
import org.jspecify.annotations.Nullable;

/**
 * The exception-aware twin of {@link Res}: its exit records the shared tick at which it ran and
 * suppresses nothing. It allocates nothing and never throws.
 */
final class Handler implements ExitHandler {
  private final Ticker ticker;
  private long closedAt;

  Handler(Ticker ticker) {
    this.ticker = ticker;
  }

  @Override
  public boolean exit(@Nullable Throwable failure) {
    closedAt = ++ticker.ticks;
    return false;
  }

  long closedAt() {
    return closedAt;
  }
}

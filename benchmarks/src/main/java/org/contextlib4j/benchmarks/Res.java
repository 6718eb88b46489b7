package org.contextlib4j.benchmarks;

import java.io.Closeable;

/**
 * A resource whose {@link #close()} is as cheap as possible yet observable: it records the shared
 * tick at which it was closed. It allocates nothing and never throws.
 *
 * <p>It is a {@link Closeable} (hence an {@link AutoCloseable}) because Guava's {@code Closer} only
 * takes {@code Closeable}s; its {@code close()} declares no exception, which Scala's {@code
 * Releasable} needs.
 */
final class Res implements Closeable {
  private final Ticker ticker;
  private long closedAt;

  Res(Ticker ticker) {
    this.ticker = ticker;
  }

  @Override
  public void close() {
    closedAt = ++ticker.ticks;
  }

  long closedAt() {
    return closedAt;
  }
}

/*
 * Copyright 2026 The contextlib4j developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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

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

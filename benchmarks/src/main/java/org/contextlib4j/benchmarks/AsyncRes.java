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

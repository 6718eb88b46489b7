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
package org.contextlib4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for the async tests: wait for a stage with a timeout, and read its failure as the
 * exception itself ({@link CompletionException} and {@link ExecutionException} removed).
 */
final class AsyncTesting {
  private AsyncTesting() {}

  /** Waits for {@code stage} (10 s at most) and returns its value, or throws its failure itself. */
  static <T extends @Nullable Object> T join(CompletionStage<T> stage) {
    return AsyncExitStackContractTest.join(stage);
  }

  /** Waits for {@code stage}, which must fail, and returns its failure itself. */
  static Throwable failureOf(CompletionStage<?> stage) {
    Throwable failure = null;
    try {
      join(stage);
    } catch (Throwable t) {
      failure = t;
    }
    assertThat(failure).as("the stage's failure").isNotNull();
    return failure;
  }

  /** The exception itself, as a dependent stage's callback sees it wrapped. */
  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** {@return a stage failed with {@code failure}}. */
  static <T> CompletableFuture<T> failed(Throwable failure) {
    return CompletableFuture.failedFuture(failure);
  }

  /** {@return a stage completed with {@code null}} */
  static CompletableFuture<@Nullable Void> done() {
    return CompletableFuture.completedFuture(null);
  }
}

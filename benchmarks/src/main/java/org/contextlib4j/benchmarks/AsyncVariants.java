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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.contextlib4j.AsyncCleanupAction;
import org.contextlib4j.AsyncExitStack;
import org.jspecify.annotations.Nullable;

/**
 * The variants of {@link AsyncBenchmark}. Each one runs the first {@code n} async cleanups in
 * reverse order, each one only after the stage of the previous one completed, and waits for the
 * last. Failures (a cleanup that throws, or whose stage completes exceptionally) are kept as in
 * try-with-resources: every cleanup still runs, the first failure propagates and the later ones are
 * attached to it with {@code addSuppressed}. The unit tests check that every variant does exactly
 * that, with the same instances.
 */
final class AsyncVariants {
  private AsyncVariants() {}

  /** The library: {@code pushAsyncCallback} n times, then {@code closeAsync().join()}. */
  static void asyncExitStack(AsyncCleanupAction[] actions, int n) {
    AsyncExitStack stack = new AsyncExitStack();
    for (int i = 0; i < n; i++) {
      stack.pushAsyncCallback(actions[i]);
    }
    stack.closeAsync().toCompletableFuture().join();
  }

  /**
   * The baseline, written by hand: a chain of n {@code thenCompose} steps, built in reverse order
   * of registration. The chain carries the failure in flight as its value (null for none); each
   * step starts its cleanup, and its {@code handle} folds the cleanup's failure into the one in
   * flight. The last step turns a failure into an exceptionally completed future, so {@code join()}
   * throws it wrapped in a {@link CompletionException}, as the library's stage does.
   */
  static void handWrittenChain(AsyncCleanupAction[] actions, int n) {
    CompletableFuture<@Nullable Throwable> chain = CompletableFuture.completedFuture(null);
    for (int i = n - 1; i >= 0; i--) {
      AsyncCleanupAction action = actions[i];
      chain = chain.thenCompose(inFlight -> step(action, inFlight));
    }
    chain
        .thenCompose(
            failure ->
                failure == null
                    ? CompletableFuture.<@Nullable Void>completedFuture(null)
                    : CompletableFuture.<@Nullable Void>failedFuture(failure))
        .join();
  }

  private static CompletableFuture<@Nullable Throwable> step(
      AsyncCleanupAction action, @Nullable Throwable inFlight) {
    CompletionStage<?> stage;
    try {
      stage = action.runAsync();
    } catch (Throwable t) {
      return CompletableFuture.completedFuture(fold(inFlight, t));
    }
    return stage
        .<@Nullable Throwable>handle(
            (ignored, failure) -> failure == null ? inFlight : fold(inFlight, unwrap(failure)))
        .toCompletableFuture();
  }

  /**
   * Try-with-resources' rule: the first failure stays, later ones are attached to it. Also the rule
   * of {@link ArrayStack}'s close.
   */
  static Throwable fold(@Nullable Throwable inFlight, Throwable thrown) {
    if (inFlight == null) {
      return thrown;
    }
    if (thrown != inFlight) {
      inFlight.addSuppressed(thrown);
    }
    return inFlight;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t.getCause();
    return (t instanceof CompletionException || t instanceof ExecutionException) && cause != null
        ? cause
        : t;
  }

  /**
   * Not a correct variant, shown for scale only: the naive chain {@code f = f.thenCompose(x ->
   * action.runAsync())}. At the first failure every later step is skipped, so the remaining
   * cleanups never run. The benchmark's cleanups never fail, so it does the same work there.
   */
  static void naiveChain(AsyncCleanupAction[] actions, int n) {
    CompletableFuture<?> chain = CompletableFuture.completedFuture(null);
    for (int i = n - 1; i >= 0; i--) {
      AsyncCleanupAction action = actions[i];
      chain =
          chain.thenCompose(
              ignored -> {
                try {
                  return action.runAsync();
                } catch (Exception e) {
                  return CompletableFuture.failedFuture(e);
                }
              });
    }
    chain.join();
  }
}

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Unwinding a million async exits never overflows the stack and never silently stops: already
 * completed stages, stages completed later on other threads, and a mix (cats-effect's "stack-safe
 * over binds"). The natural recursive thenCompose unwinding overflows after about 1,500 steps, and
 * CompletableFuture hides the overflow inside the future, so remaining cleanups never run.
 */
class AsyncStackSafetyTest {

  private static final int N = 1_000_000;
  private static ExecutorService other;

  @BeforeAll
  static void startExecutor() {
    other = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stopExecutor() {
    other.shutdownNow();
  }

  /** Closes the stack on a thread with a small stack: any recursion per entry would overflow. */
  private static @Nullable Throwable closeOnSmallStack(AsyncExitStack stack, @Nullable Throwable x)
      throws Exception {
    AtomicReference<@Nullable CompletionStage<@Nullable Void>> stage = new AtomicReference<>();
    Thread thread =
        new Thread(
            null,
            () -> stage.set(x == null ? stack.closeAsync() : stack.closeAsync(x)),
            "small-stack",
            256 * 1024);
    thread.start();
    thread.join();
    CompletionStage<@Nullable Void> s = stage.get();
    assertThat(s).as("closeAsync returned a stage without throwing").isNotNull();
    try {
      s.toCompletableFuture().get(120, TimeUnit.SECONDS);
      return null;
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    }
  }

  @Test
  void unwindsAMillionAlreadyCompletedAsyncExits() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < N; i++) {
      stack.pushAsyncExit(
          failure -> {
            ran.incrementAndGet();
            return CompletableFuture.completedFuture(false);
          });
    }
    assertThat(closeOnSmallStack(stack, null)).isNull();
    assertThat(ran).hasValue(N);
  }

  @Test
  void unwindsAMillionAsyncExitsCompletedLaterOnOtherThreads() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    AtomicInteger ran = new AtomicInteger();
    for (int i = 0; i < N; i++) {
      stack.pushAsyncCallback(() -> CompletableFuture.runAsync(ran::incrementAndGet, other));
    }
    assertThat(closeOnSmallStack(stack, null)).isNull();
    assertThat(ran).hasValue(N);
  }

  @Test
  void unwindsAMillionMixedEntries_inOrder_keepingEveryFailure() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    AtomicInteger next = new AtomicInteger(N - 1); // entries must run N-1, N-2, ..., 0
    AtomicInteger outOfOrder = new AtomicInteger();
    for (int i = 0; i < N; i++) {
      int id = i;
      Runnable check =
          () -> {
            if (next.getAndDecrement() != id) {
              outOfOrder.incrementAndGet();
            }
          };
      switch (i % 4) {
        case 0 -> stack.callback(check::run);
        case 1 ->
            stack.pushAsyncCallback(
                () -> {
                  check.run();
                  return CompletableFuture.completedFuture(null);
                });
        case 2 -> stack.pushAsyncCallback(() -> CompletableFuture.runAsync(check, other));
        default ->
            stack.pushAsyncExit(
                failure ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          check.run();
                          if (id % 100_000 == 3) {
                            throw new IllegalStateException("exit " + id);
                          }
                          return false;
                        },
                        other));
      }
    }
    IllegalArgumentException body = new IllegalArgumentException("body");
    Throwable out = closeOnSmallStack(stack, body);
    assertThat(outOfOrder).hasValue(0);
    assertThat(next).hasValue(-1);
    // Ten exits replaced the exception in flight; each replaced one is attached to its successor.
    assertThat(out).isInstanceOf(IllegalStateException.class).hasMessage("exit 3");
    int chain = 0;
    Throwable t = out;
    while (t != null && t.getSuppressed().length > 0) {
      t = t.getSuppressed()[0];
      chain++;
    }
    assertThat(chain).isEqualTo(10);
    assertThat(t).isSameAs(body);
  }

  @Test
  void unwinds100000NestedAsyncStacks_inOrder() throws Exception {
    int depth = 100_000;
    int[] order = new int[depth];
    AtomicInteger ran = new AtomicInteger();
    AsyncExitStack root = new AsyncExitStack();
    AsyncExitStack current = root;
    for (int i = 0; i < depth; i++) {
      int id = i;
      // Half complete later on another thread: the nesting must survive resuming elsewhere.
      if (i % 2 == 0) {
        current.callback(() -> order[ran.getAndIncrement()] = id);
      } else {
        current.pushAsyncCallback(
            () -> CompletableFuture.runAsync(() -> order[ran.getAndIncrement()] = id, other));
      }
      AsyncExitStack inner = new AsyncExitStack();
      current.pushAsyncExit(inner);
      current = inner;
    }
    assertThat(closeOnSmallStack(root, null)).isNull();
    assertThat(ran).hasValue(depth);
    for (int i = 0; i < depth; i++) {
      assertThat(order[i]).isEqualTo(depth - 1 - i);
    }
  }

  @Test
  void failureOfTheLastStep_isTheStageFailure_notACompletionException() throws Exception {
    AsyncExitStack stack = new AsyncExitStack();
    IllegalStateException failure = new IllegalStateException("late");
    stack.pushAsyncCallback(
        () ->
            CompletableFuture.runAsync(
                () -> {
                  throw failure;
                },
                other));
    Throwable out = closeOnSmallStack(stack, null);
    assertThat(out).isSameAs(failure).isNotInstanceOf(CompletionException.class);
  }
}

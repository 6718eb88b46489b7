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
package org.contextlib4j.examples;

import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.contextlib4j.AsyncContextManager;
import org.contextlib4j.AsyncExitStack;
import org.contextlib4j.Contexts;
import org.jspecify.annotations.Nullable;

/**
 * The contextlib documentation's first example, asynchronous, over {@link CompletionStage}:
 *
 * <pre class="language-python">{@code
 * class mycontext(AsyncContextDecorator):
 *     async def __aenter__(self):
 *         print('Starting')
 *         return self
 *     async def __aexit__(self, *exc):
 *         print('Finishing')
 *         return False
 *
 * @mycontext()
 * async def function():
 *     print('The bit in the middle')
 *
 * async def function():
 *     async with mycontext():
 *         print('The bit in the middle')
 * }</pre>
 */
final class AsyncExample {
  private AsyncExample() {}

  /** Python's {@code mycontext}; its exit completes on another thread, after the body's stage. */
  static final class MyContext implements AsyncContextManager<MyContext> {
    private final PrintStream out;

    MyContext(PrintStream out) {
      this.out = out;
    }

    @Override
    public CompletionStage<MyContext> enterAsync() {
      out.println("Starting");
      return CompletableFuture.completedFuture(this);
    }

    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      return CompletableFuture.supplyAsync(
          () -> {
            out.println("Finishing");
            return false;
          });
    }
  }

  static void run(PrintStream out) {
    out.println("-- @mycontext() on an async function:");
    Supplier<CompletionStage<@Nullable Void>> function =
        Contexts.decorateAsyncSupplier(
            new MyContext(out),
            () -> CompletableFuture.runAsync(() -> out.println("The bit in the middle")));
    function.get().toCompletableFuture().join();

    out.println("-- async with mycontext():");
    Contexts.withAsync(
            new MyContext(out),
            context -> CompletableFuture.runAsync(() -> out.println("The bit in the middle")))
        .toCompletableFuture()
        .join();

    out.println("-- an AsyncExitStack: async and sync cleanups, strictly LIFO:");
    AsyncExitStack stack = new AsyncExitStack();
    stack.callback(() -> out.println("sync cleanup (registered first, runs last)"));
    stack.pushAsyncCallback(
        () -> CompletableFuture.runAsync(() -> out.println("async cleanup on another thread")));
    stack.pushAsyncExit(
        failure -> {
          out.println("async exit sees: " + (failure == null ? "none" : failure.getMessage()));
          return CompletableFuture.completedFuture(true); // suppress
        });
    stack.closeAsync(new IllegalStateException("request timed out")).toCompletableFuture().join();
    out.println("closed; the timeout was suppressed by the exit");
  }
}

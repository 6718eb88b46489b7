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

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * {@link ExitStackContract} on {@link AsyncExitStack}, as CPython's {@code TestAsyncExitStack} runs
 * {@code TestBaseExitStack} through its blocking {@code SyncAsyncExitStack}: the registrations are
 * the synchronous ones the async stack shares with {@link ExitStack}; enter, close and exit wait
 * for their stage and rethrow its failure as the instance itself (the {@link CompletionException}
 * around it removed), so identities can be asserted.
 */
class AsyncExitStackContractTest extends ExitStackContract {

  @Override
  StackUnderTest newStack() {
    return new Blocking(new AsyncExitStack());
  }

  /** Waits for {@code stage} and returns its value, or throws its failure itself. */
  static <T extends @Nullable Object> T join(CompletionStage<T> stage) {
    CompletableFuture<T> future = stage.toCompletableFuture();
    try {
      // Every stage here completes on the calling thread or on a test executor: the timeout only
      // turns a library hang into a failure.
      return future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException | CancellationException e) {
      // What it failed with, as stored: on JDK 25, get() throws a new CancellationException for
      // a future failed with one.
      Throwable stored = future.handle((value, failure) -> failure).join();
      Throwable failure = stored == null ? e : stored;
      throw sneaky(
          failure instanceof CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure);
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("stage did not complete", e);
    }
  }

  /**
   * Python's {@code SyncAsyncExitStack}: the stack's own registrations, blocking close/exit.
   * Subclasses change how entries are registered and keep the rest.
   */
  static class Blocking extends Forwarding<AsyncExitStack> {
    Blocking(AsyncExitStack stack) {
      super(stack);
    }

    /** The adapter for the stack {@code popAll} returns: the same kind as this one. */
    StackUnderTest wrap(AsyncExitStack moved) {
      return new Blocking(moved);
    }

    @Override
    public Object enter() {
      return join(stack.enterAsync());
    }

    @Override
    public void pushStack(StackUnderTest inner) {
      stack.pushAsyncExit((AsyncExitStack) inner.self());
    }

    @Override
    public StackUnderTest popAll() {
      return wrap(stack.popAll());
    }

    @Override
    public void close() {
      join(stack.closeAsync());
    }

    @Override
    public void close(Throwable failure) {
      join(stack.closeAsync(failure));
    }

    @Override
    public boolean exit(@Nullable Throwable failure) {
      return join(stack.exitAsync(failure));
    }
  }
}

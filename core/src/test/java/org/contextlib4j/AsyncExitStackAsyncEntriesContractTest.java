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
import static org.contextlib4j.AsyncExitStackContractTest.join;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ExitStackContract} on {@link AsyncExitStack} with every registration made through its
 * async methods ({@code enterAsyncContext}, {@code pushAsyncExit}, {@code pushAsyncCallback}), each
 * exit and cleanup running on a second executor and completing its stage there: the driver resumes
 * on that thread for every entry. The contract's outcomes must be the same as with synchronous
 * entries. Close and exit wait with a timeout, as in {@link AsyncExitStackContractTest}.
 */
class AsyncExitStackAsyncEntriesContractTest extends ExitStackContract {

  private static final String WORKER = "contract-worker";

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, WORKER);
            thread.setDaemon(true);
            return thread;
          });

  @AfterEach
  void stopWorker() throws InterruptedException {
    worker.shutdown();
    assertThat(worker.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Override
  StackUnderTest newStack() {
    return new OnWorker(new AsyncExitStack());
  }

  @Test
  void runsEachAsyncEntryOnTheWorker_oneAfterTheOther_whenTheStagesCompleteThere() {
    List<String> threads = new ArrayList<>();
    StackUnderTest stack = newStack();
    stack.callback(() -> threads.add("a " + Thread.currentThread().getName()));
    stack.push(
        failure -> {
          threads.add("b " + Thread.currentThread().getName());
          return false;
        });
    stack.register(() -> threads.add("c " + Thread.currentThread().getName()));

    stack.close();

    assertThat(threads).containsExactly("c " + WORKER, "b " + WORKER, "a " + WORKER);
  }

  /** Starts {@code call} on the worker; its stage completes there (with its failure, if any). */
  private <T> CompletionStage<T> onWorker(Call<T> call) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return call.call();
          } catch (Exception e) {
            throw sneaky(e);
          }
        },
        worker);
  }

  @FunctionalInterface
  private interface Call<T> {
    T call() throws Exception;
  }

  /** The async view of a synchronous manager, each half run on the worker. */
  private final class WorkerManager<T extends @Nullable Object> implements AsyncContextManager<T> {
    private final ContextManager<T> manager;

    WorkerManager(ContextManager<T> manager) {
      this.manager = manager;
    }

    @Override
    public CompletionStage<T> enterAsync() {
      return onWorker(manager::enter);
    }

    @Override
    public CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) {
      return onWorker(() -> manager.exit(failure));
    }
  }

  /**
   * Registers every entry through the async methods; close, exit and popAll as {@code Blocking}.
   */
  @SuppressWarnings("NullAway") // forwards null arguments on purpose, for the NPE's message
  private final class OnWorker extends AsyncExitStackContractTest.Blocking {
    OnWorker(AsyncExitStack stack) {
      super(stack);
    }

    @Override
    StackUnderTest wrap(AsyncExitStack moved) {
      return new OnWorker(moved);
    }

    @Override
    public <T extends @Nullable Object> T enterContext(ContextManager<T> manager) {
      return join(stack.enterAsyncContext(manager == null ? null : new WorkerManager<>(manager)));
    }

    @Override
    public ExitHandler push(ExitHandler handler) {
      stack.pushAsyncExit(
          handler == null
              ? (AsyncExitHandler) null
              : failure -> onWorker(() -> handler.exit(failure)));
      return handler;
    }

    @Override
    public <T extends @Nullable Object> ContextManager<T> push(ContextManager<T> manager) {
      stack.pushAsyncExit(
          manager == null ? (AsyncContextManager<T>) null : new WorkerManager<>(manager));
      return manager;
    }

    @Override
    public CleanupAction callback(CleanupAction action) {
      stack.pushAsyncCallback(
          action == null
              ? null
              : () ->
                  onWorker(
                      () -> {
                        action.run();
                        return "done";
                      }));
      return action;
    }

    @Override
    public <C extends AutoCloseable> C register(C resource) {
      if (resource == null) {
        stack.register(resource); // the async callback has no resource parameter to name
      }
      stack.pushAsyncCallback(
          () ->
              onWorker(
                  () -> {
                    resource.close();
                    return "closed";
                  }));
      return resource;
    }
  }
}

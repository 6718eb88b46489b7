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

import static org.contextlib4j.internal.Throwables.checkNotNull;

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * The registration methods of an {@link AsyncExitStack}, each returning a {@link Registration}
 * handle: those of {@link Handles}, plus the asynchronous ones. Obtained from {@link
 * AsyncExitStack#handles()}; each registration goes on that stack and behaves exactly as the
 * stack's method of the same name, in the same LIFO order as every other registration.
 *
 * <pre>{@code
 * Registration<AsyncCleanupAction> drain =
 *     stack.handles().pushAsyncCallback(() -> queue.drainAsync());
 * // ...
 * drain.cancel();   // drained already: the close has nothing to do for it
 * }</pre>
 *
 * <p>A handle on an asynchronous registration is cancelled with {@link Registration#cancel()} and
 * run early with {@link Registration#runNowAsync()} (its {@link Registration#runNow()} throws
 * {@link IllegalStateException}, since running it would mean waiting for its stage). The contract
 * is that of every handle: the cleanup runs at most once, whichever of cancel, run early and the
 * unwinding comes first, also when they race on different threads.
 *
 * <p>A {@code null} argument throws {@link NullPointerException} naming the parameter, and nothing
 * is registered. This view holds no state of its own; it is as thread-safe as its stack (register
 * from one thread at a time; the handles themselves may be used from any thread).
 *
 * @since 0.1.0
 */
public final class AsyncHandles extends Handles {

  AsyncHandles(AsyncExitStack stack) {
    super(stack);
  }

  /**
   * Enters {@code manager} and, once its enter stage succeeds, registers its exit through a handle,
   * as {@link AsyncExitStack#enterAsyncContext}. If the enter fails, nothing is registered and the
   * stage fails with the same exception.
   *
   * <pre>{@code
   * stack.handles().enterAsyncContext(pool.leaseAsync())
   *     .thenCompose(lease -> lease.value().queryAsync(sql).thenApply(rows -> {
   *       lease.runNowAsync();   // give the connection back before the rest of the close
   *       return rows;
   *     }));
   * }</pre>
   *
   * @param manager the manager to enter
   * @param <T> the type of value the manager's enter completes with
   * @return a stage completing with a handle whose {@link Registration#value()} is what the enter
   *     stage completed with
   */
  public <T extends @Nullable Object> CompletionStage<Registration<T>> enterAsyncContext(
      AsyncContextManager<T> manager) {
    return ((AsyncExitStack) stack).enter(manager, true);
  }

  /**
   * Registers an asynchronous exception-aware exit, as {@link
   * AsyncExitStack#pushAsyncExit(AsyncExitHandler)}.
   *
   * <pre>{@code
   * Registration<AsyncExitHandler> rollback =
   *     stack.handles().pushAsyncExit(failure -> tx.rollbackAsync().thenApply(v -> false));
   * }</pre>
   *
   * @param handler the exit to run when the stack unwinds
   * @return a handle on the registration
   */
  public Registration<AsyncExitHandler> pushAsyncExit(AsyncExitHandler handler) {
    checkNotNull(handler, "handler");
    return stack.addHandle(new Registration<>(handler, AbstractExitStack.ASYNC_HANDLER, handler));
  }

  /**
   * Registers the exit of {@code manager} without entering it, as {@link
   * AsyncExitStack#pushAsyncExit(AsyncContextManager)}.
   *
   * <pre>{@code
   * Registration<AsyncContextManager<Session>> exit = stack.handles().pushAsyncExit(session);
   * }</pre>
   *
   * @param manager the manager whose exit runs when the stack unwinds
   * @param <T> the type of value the manager's enter completes with
   * @return a handle on the registration
   */
  public <T extends @Nullable Object> Registration<AsyncContextManager<T>> pushAsyncExit(
      AsyncContextManager<T> manager) {
    checkNotNull(manager, "manager");
    return stack.addHandle(new Registration<>(manager, AbstractExitStack.ASYNC_MANAGER, manager));
  }

  /**
   * Registers an asynchronous plain cleanup, as {@link AsyncExitStack#pushAsyncCallback}.
   *
   * <pre>{@code
   * Registration<AsyncCleanupAction> flush =
   *     stack.handles().pushAsyncCallback(() -> buffer.flushAsync());
   * }</pre>
   *
   * @param action the cleanup to run
   * @return a handle on the registration
   */
  public Registration<AsyncCleanupAction> pushAsyncCallback(AsyncCleanupAction action) {
    checkNotNull(action, "action");
    return stack.addHandle(new Registration<>(action, AbstractExitStack.ASYNC_ACTION, action));
  }

  /**
   * Registers {@code value} with the asynchronous cleanup that releases it, as {@link
   * AsyncExitStack#registerAsync}.
   *
   * <pre>{@code
   * Registration<Session> session =
   *     stack.handles().registerAsync(client.openSession(), s -> s.closeAsync());
   * }</pre>
   *
   * @param value the value to release
   * @param cleanup starts releasing it
   * @param <T> the value's type
   * @return a handle whose {@link Registration#value()} is {@code value}
   */
  public <T> Registration<T> registerAsync(T value, AsyncResourceCleanup<? super T> cleanup) {
    AsyncExitStack.AdoptedAsync<T> adopted =
        new AsyncExitStack.AdoptedAsync<>(
            checkNotNull(value, "value"), checkNotNull(cleanup, "cleanup"));
    return stack.addHandle(new Registration<>(adopted, AbstractExitStack.ASYNC_ACTION, value));
  }
}

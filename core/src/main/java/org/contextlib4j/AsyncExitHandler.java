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

import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * An exception-aware exit whose result comes later, registered with {@link
 * AsyncExitStack#pushAsyncExit(AsyncExitHandler)}.
 *
 * <pre>{@code
 * stack.pushAsyncExit(failure ->
 *     failure == null ? tx.commitAsync().thenApply(v -> false)
 *                     : tx.rollbackAsync().thenApply(v -> false));
 * }</pre>
 *
 * <p>Exception semantics are those of {@link AsyncContextManager#exitAsync}: completing with {@code
 * true} suppresses, completing exceptionally (or throwing) replaces the exception in flight.
 *
 * <p><b>Thread safety:</b> called once, on the thread that is unwinding the stack at that point
 * (the one that completed the previous cleanup's stage, or the one that called {@code closeAsync}).
 *
 * <p>Python: a coroutine function with the {@code __aexit__} signature, passed to {@code
 * AsyncExitStack.push_async_exit}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AsyncExitHandler {

  /**
   * Runs the exit.
   *
   * <p>Must not return {@code null}: a stack takes a null stage as this exit's failure, a {@link
   * NullPointerException} saying so, which replaces the exception in flight as any exception the
   * exit threw would; the other cleanups still run.
   *
   * @param failure the exception in flight, or {@code null} if there is none
   * @return a stage completing with {@code true} to suppress {@code failure}
   * @throws Exception the same as a stage completed exceptionally with it (a {@link
   *     java.util.concurrent.CompletionException} thrown here is taken as is, not unwrapped)
   */
  CompletionStage<Boolean> exitAsync(@Nullable Throwable failure) throws Exception;
}
